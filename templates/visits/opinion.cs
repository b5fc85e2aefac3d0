<?cs # opinion.cs — an opinion from the visit turned into a complaint: the client's contact and the opinions prefilled, all editable; the form's key registers it once ?>
<?cs include:"visits/after_report.cs" ?>
<section class="card" aria-labelledby="h-opinion"><h2 id="h-opinion"><?cs var:L.VisitReview.ComplaintTitle ?></h2>
<p class="hint"><?cs var:L.VisitReview.ComplaintHint ?></p>
<form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/complaint" class="form" id="opinion-form"><?cs call:csrf() ?>
<input type="hidden" name="form_key" value="<?cs var:Form.form_key ?>">
<?cs call:field("name", L.VisitReview.ComplainantName, "text", 1) ?>
<?cs call:field("phone", L.VisitReview.ComplainantPhone, "tel", 0) ?>
<?cs call:field("email", L.VisitReview.ComplainantEmail, "email", 0) ?>
<?cs call:field("subject", L.VisitReview.ComplaintSubject, "text", 0) ?>
<?cs call:textarea("description", L.VisitReview.ComplaintText, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.VisitReview.ComplaintSubmit ?></button></div>
</form></section>
