<?cs # review.cs — the supervisor's review of a visit report: guidance (指导意见, required), then accept or return for more detail (a reason required) ?>
<?cs include:"visits/after_report.cs" ?>
<section class="card" aria-labelledby="h-review"><h2 id="h-review"><?cs var:L.VisitReview.Title ?></h2>
<form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/review" class="form" id="review-form"><?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs call:textarea("guidance", L.VisitReview.Guidance, 1) ?>
<p class="hint"><?cs var:L.VisitReview.GuidanceHint ?></p>
<fieldset class="rating<?cs if:Form.decision.Error ?> has-error<?cs /if ?>"><legend><?cs var:L.VisitReview.Decision ?></legend>
<label><input type="radio" name="decision" value="accept"<?cs if:Form.decision == "accept" ?> checked<?cs /if ?>> <?cs var:L.VisitReview.Accept ?></label>
<label><input type="radio" name="decision" value="return"<?cs if:Form.decision == "return" ?> checked<?cs /if ?>> <?cs var:L.VisitReview.Return ?></label>
<?cs call:field_error("decision") ?></fieldset>
<?cs call:textarea("return_reason", L.VisitReview.ReturnReason, 0) ?>
<p class="hint"><?cs var:L.VisitReview.ReturnReasonHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.VisitReview.Submit ?></button></div>
</form></section>
