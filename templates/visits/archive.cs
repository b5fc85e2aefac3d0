<?cs # archive.cs — the keeper classifies an accepted report (a category from the fixed list, free tags) and archives it: read-only from then on ?>
<?cs include:"visits/after_report.cs" ?>
<section class="card" aria-labelledby="h-archive"><h2 id="h-archive"><?cs var:L.VisitArchive.Title ?></h2>
<form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/archive" class="form" id="archive-form"><?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs call:select("category", L.VisitArchive.Category, Opt.Categories, 1) ?>
<?cs call:field("tags", L.VisitArchive.Tags, "text", 0) ?>
<p class="hint"><?cs var:L.VisitArchive.TagsHint ?></p>
<p class="hint"><?cs var:L.VisitArchive.ArchiveHint ?></p>
<?cs if:!After.Mail.status ?><p class="alert alert-warn" role="status" id="not-mailed"><?cs var:L.VisitArchive.NotMailed ?></p><?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.VisitArchive.Submit ?></button></div>
</form></section>
