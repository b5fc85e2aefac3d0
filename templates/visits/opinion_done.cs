<?cs # opinion_done.cs — the complaint registered from the visit: its number and, this once, its verification code ?>
<div class="alert alert-ok" role="status" id="complaint-created"><p><?cs var:L.VisitReview.ComplaintCreated ?>
<a href="<?cs var:URL.complaints ?>/<?cs var:Created.id ?>" id="complaint-link"><?cs var:Created.Tracking ?></a></p>
<p><?cs var:L.VisitReview.ComplaintCode ?> <strong id="complaint-code"><?cs var:Created.Code ?></strong></p>
<p class="hint"><?cs var:L.VisitReview.ComplaintCodeHint ?></p></div>
<p><a class="button" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>"><?cs var:L.VisitReview.BackToVisit ?></a></p>
