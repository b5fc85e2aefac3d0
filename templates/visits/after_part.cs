<?cs # after_part.cs — on the visit page: after the report (who reviewed it (the guidance is in the report), the archive's classification, the mail to the client as the outbox has it, complaints made from the visit) and the actions the user may take next ?>
<section class="card" aria-labelledby="h-after" id="after"><h2 id="h-after"><?cs var:L.VisitReview.After ?></h2>
<?cs if:After.ReadOnly ?><p class="alert" role="status" id="read-only"><?cs var:L.VisitArchive.ReadOnly ?></p><?cs /if ?>
<dl class="facts">
<?cs if:V.reviewer_name ?><dt><?cs var:L.VisitReview.ReviewedBy ?></dt><dd id="reviewed-by"><?cs var:V.reviewer_name ?> · <?cs var:V.reviewed_at ?></dd><?cs /if ?>
<?cs if:V.category ?><dt><?cs var:L.VisitArchive.Category ?></dt><dd id="category"><?cs var:L.VisitArchive.Categories[V.category] ?><?cs if:V.tags ?> · <?cs var:V.tags ?><?cs /if ?><br><small><?cs var:V.archiver_name ?> · <?cs var:V.archived_at ?></small></dd><?cs /if ?>
<dt><?cs var:L.VisitMail.State ?></dt><dd id="mail-state"><?cs if:After.Mail.status == "sent" ?><?cs var:L.VisitMail.SentAt ?> <?cs var:After.Mail.sent_at ?><?cs
 elif:After.Mail.status == "queued" ?><?cs var:L.VisitMail.QueuedAt ?> <?cs var:After.Mail.created_at ?><?cs
 elif:After.Mail.status ?><?cs var:L.VisitMail.Failed ?><?cs
 elif:After.Mail.unknown ?>—<?cs
 else ?><?cs var:L.VisitMail.NotSent ?><?cs /if ?></dd>
<?cs if:subcount(After.Complaints) ?><dt><?cs var:L.VisitReview.Complaints ?></dt><dd id="visit-complaints"><?cs each:c = After.Complaints ?><a href="<?cs var:URL.complaints ?>/<?cs var:c.id ?>"><?cs var:c.tracking_no ?></a> <?cs /each ?></dd><?cs /if ?>
</dl>
<div class="actions">
<?cs if:After.CanReview ?><a class="button primary" id="go-review" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/review"><?cs var:L.VisitReview.Open ?></a><?cs /if ?>
<?cs if:After.CanArchive ?><a class="button primary" id="go-archive" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/archive"><?cs var:L.VisitArchive.Open ?></a><?cs /if ?>
<?cs if:After.CanMail ?><a class="button" id="go-mail" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/mail"><?cs var:L.VisitMail.Open ?></a><?cs /if ?>
<?cs if:After.CanComplain ?><a class="button" id="go-complaint" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/complaint"><?cs var:L.VisitReview.ComplaintOpen ?></a><?cs /if ?>
</div></section>
