<?cs # portal_status.cs — look-up by tracking number + code: stage, replies, duplicates, rating ?>
<section class="card narrow portal">
<h1><?cs var:L.Portal.Status.Title ?></h1>
<?cs if:Complaint.tracking_no ?>
<dl class="ticket">
<dt><?cs var:L.Complaint.Tracking ?></dt><dd id="tracking-no"><?cs var:Complaint.tracking_no ?></dd>
<dt><?cs var:L.Portal.Status.Submitted ?></dt><dd><?cs var:Complaint.created_at ?></dd>
<dt><?cs var:L.Complaint.Stage ?></dt><dd id="stage"><strong><?cs if:Complaint.trust == "discarded" ?><?cs var:L.Portal.Status.NotAccepted ?><?cs else ?><?cs var:L.Complaint.Stages[Complaint.stage] ?><?cs /if ?></strong></dd>
</dl>
<?cs if:Complaint.trust == "discarded" ?><div class="alert alert-error" role="status" id="not-accepted"><?cs var:L.Portal.Status.NotAcceptedText ?></div><?cs else ?>
<ol class="stages" aria-label="<?cs var:L.Complaint.Stage ?>">
<?cs each:s = L.Complaint.Stages ?><li class="<?cs if:name(s) == Complaint.stage ?>current<?cs elif:Complaint.StageIndex > 0 && (name(s) == "registered" || (name(s) == "investigating" && Complaint.StageIndex > 1) || (name(s) == "resolved" && Complaint.StageIndex > 2) || (name(s) == "followup" && Complaint.StageIndex > 3)) ?>done<?cs /if ?>"><?cs var:s ?></li><?cs /each ?>
</ol><?cs /if ?>
<?cs if:Page.Notice == "answered" || Page.Notice == "answer_again" ?><div class="alert alert-ok" role="status" id="answer-notice"><?cs var:L.Portal.Status.Notice[Page.Notice] ?></div><?cs /if ?>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert" id="answer-error"><?cs var:L.Msg[Page.Error] ?><?cs if:!Complaint.waiting_since && Form.answer ?><p class="pre" id="kept-answer"><?cs var:Form.answer ?></p><?cs /if ?></div><?cs /if ?>
<?cs if:Complaint.waiting_since ?>
<section class="waiting-box" id="waiting" aria-labelledby="waiting-title">
<h2 id="waiting-title"><?cs var:L.Portal.Status.Waiting ?></h2>
<p><?cs var:L.Portal.Status.WaitingIntro ?></p>
<?cs if:Question.body ?><blockquote class="pre" id="question"><?cs var:Question.body ?></blockquote><?cs /if ?>
<form method="post" action="<?cs var:URL.portal ?>/complaint/answer" enctype="multipart/form-data" class="form" id="answer-form">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<input type="hidden" name="tracking" value="<?cs var:Form.tracking ?>">
<input type="hidden" name="code" value="<?cs var:Form.code ?>">
<?cs call:textarea("answer", L.Portal.Answer.Text, 1) ?>
<div class="field<?cs if:Form.files.Error ?> has-error<?cs /if ?>">
<label for="f-files"><?cs var:L.Portal.Answer.Files ?></label>
<input type="file" id="f-files" name="files" multiple accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"<?cs if:Form.files.Error ?> aria-invalid="true" aria-describedby="e-files"<?cs /if ?>>
<?cs if:Form.FilesAgain ?><p class="hint"><?cs var:L.Complaint.FilesAgain ?></p><?cs /if ?>
<?cs call:field_error("files") ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Portal.Answer.Submit ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs if:subcount(Duplicates) ?><section id="duplicates" aria-labelledby="duplicates-title">
<h2 id="duplicates-title"><?cs var:L.Portal.Status.Duplicates ?></h2>
<p><?cs var:L.Portal.Status.DuplicatesIntro ?></p>
<ul><?cs each:d = Duplicates ?><li><?cs var:d.tracking_no ?></li><?cs /each ?></ul>
</section><?cs /if ?>
<h2><?cs var:L.Portal.Status.Timeline ?></h2>
<?cs if:subcount(Replies) ?><ul class="replies" id="timeline">
<?cs each:r = Replies ?><li class="ev-<?cs var:r.kind ?>"><time><?cs var:r.at ?></time> <strong><?cs if:L.Portal.Status.Kinds[r.kind] ?><?cs var:L.Portal.Status.Kinds[r.kind] ?><?cs else ?><?cs var:L.Portal.Status.Kinds.reply ?><?cs /if ?></strong><p class="pre"><?cs var:r.body ?></p></li><?cs /each ?>
</ul><?cs else ?><p class="empty"><?cs var:L.Portal.Status.NoReplies ?></p><?cs /if ?>
<?cs if:Page.Notice == "rated" ?><div class="alert alert-ok" role="status"><?cs var:L.Portal.Status.Thanks ?></div><?cs /if ?>
<?cs if:Complaint.rating ?>
<p id="rating"><?cs var:L.Complaint.Rating ?>: <?cs var:Complaint.rating ?>/5<?cs if:Complaint.rating_comment ?> — <?cs var:Complaint.rating_comment ?><?cs /if ?></p>
<?cs elif:Complaint.StageIndex >= 2 ?>
<h2><?cs var:L.Portal.Status.RateTitle ?></h2>
<form method="post" action="<?cs var:URL.portal ?>/complaint/rate" class="form">
<input type="hidden" name="tracking" value="<?cs var:Form.tracking ?>">
<input type="hidden" name="code" value="<?cs var:Form.code ?>">
<fieldset class="rating<?cs if:Form.rating.Error ?> has-error<?cs /if ?>"><legend><?cs var:L.Complaint.Rating ?> <span class="req" aria-hidden="true">*</span></legend>
<?cs each:o = L.Portal.Status.Ratings ?><label><input type="radio" name="rating" value="<?cs name:o ?>"<?cs if:Form.rating == name(o) ?> checked<?cs /if ?>> <?cs var:o ?></label>
<?cs /each ?><?cs call:field_error("rating") ?></fieldset>
<?cs call:textarea("comment", L.Complaint.RatingComment, 0) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Portal.Status.RateSubmit ?></button></div>
</form>
<?cs /if ?>
<?cs else ?>
<?cs if:Page.Error == "lookup_locked" ?><div class="alert alert-error" role="alert" id="locked"><?cs var:L.Portal.Status.LockedBefore ?> <?cs var:Page.Until ?> <?cs var:L.Portal.Status.LockedAfter ?></div>
<?cs elif:Page.Error ?><div class="alert alert-error" role="alert"><?cs var:L.Msg[Page.Error] ?></div><?cs /if ?>
<form method="post" action="<?cs var:URL.portal ?>/complaint/status" class="form">
<?cs call:field("tracking", L.Complaint.Tracking, "text", 1) ?>
<?cs call:field("code", L.Complaint.Code, "text", 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Portal.Status.Submit ?></button></div>
</form>
<p><a href="<?cs var:URL.portal ?>/complaint"><?cs var:L.Portal.Complaint.Title ?></a></p>
<?cs /if ?>
</section>
