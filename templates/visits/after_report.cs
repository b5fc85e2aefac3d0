<?cs # after_report.cs — the visit and its report, read-only, at the top of the pages after the report (review, archive, mail, complaint) ?>
<?cs if:After.Msg ?><div class="alert alert-error" role="alert" id="action-error"><?cs var:L.VisitReview.Msg[After.Msg] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<div class="toolbar"><h1><?cs var:L[Page.Title] ?> · #<?cs var:V.id ?> · <?cs var:V.client_name ?></h1>
<span class="spacer"></span><?cs if:After.InScope ?><a class="button" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>"><?cs var:L.VisitReview.BackToVisit ?></a><?cs else ?><a class="button" href="<?cs var:URL.visits ?>/archive"><?cs var:L.VisitArchive.ListTitle ?></a><?cs /if ?></div>
<?cs if:After.ReadOnly ?><p class="alert" role="status" id="read-only"><?cs var:L.VisitArchive.ReadOnly ?></p><?cs /if ?>
<section class="card" aria-labelledby="h-report" id="report"><h2 id="h-report"><?cs var:L.VisitReview.Report ?></h2>
<dl class="facts">
<dt><?cs var:L.VisitReview.Client ?></dt><dd><?cs var:V.client_name ?></dd>
<dt><?cs var:L.VisitReview.Visitor ?></dt><dd><?cs if:V.visitor_name ?><?cs var:V.visitor_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.VisitReview.VisitedOn ?></dt><dd><?cs if:V.visited_on ?><?cs var:V.visited_on ?><?cs else ?>—<?cs /if ?></dd>
<?cs if:V.submitted_at ?><dt><?cs var:L.VisitReview.SubmittedAt ?></dt><dd><?cs var:V.submitted_at ?></dd><?cs /if ?>
<dt><?cs var:L.VisitReview.Discussed ?></dt><dd class="pre" id="discussed"><?cs var:V.discussed ?></dd>
<dt><?cs var:L.VisitReview.Opinions ?></dt><dd class="pre" id="opinions"><?cs var:V.opinions ?></dd>
<dt><?cs var:L.VisitReview.Satisfaction ?></dt><dd><?cs if:V.satisfaction ?><?cs var:V.satisfaction ?> / 5<?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.VisitReview.Actions ?></dt><dd class="pre"><?cs var:V.actions ?></dd>
<?cs if:V.guidance ?><dt><?cs var:L.VisitReview.Guidance ?></dt><dd class="pre" id="guidance"><?cs var:V.guidance ?><?cs if:V.reviewer_name ?><br><small><?cs var:V.reviewer_name ?> · <?cs var:V.reviewed_at ?></small><?cs /if ?></dd><?cs /if ?>
<?cs if:V.category ?><dt><?cs var:L.VisitArchive.Category ?></dt><dd><?cs var:L.VisitArchive.Categories[V.category] ?><?cs if:V.tags ?> · <?cs var:V.tags ?><?cs /if ?></dd><?cs /if ?>
</dl></section>
