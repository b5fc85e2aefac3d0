<?cs # review_list.cs — the visit reports waiting for the user's review (a list of lib/list.c), oldest first ?>
<div class="toolbar"><h1><?cs var:L.VisitReview.ListTitle ?></h1><span class="spacer"></span>
<a class="button" href="<?cs var:URL.visits ?>/archive"><?cs var:L.VisitArchive.ListTitle ?></a></div>
<form method="get" action="<?cs var:URL.visits ?>/review" class="card filters">
<?cs call:list_search() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="visits" id="review-queue">
<thead><tr><?cs call:list_sort("id", L.VisitReview.Number) ?><?cs call:list_sort("client_name", L.VisitReview.Client) ?><th scope="col"><?cs var:L.VisitReview.Visitor ?></th><th scope="col"><?cs var:L.VisitReview.VisitedOn ?></th><?cs call:list_sort("submitted_at", L.VisitReview.SubmittedAt) ?><th scope="col"></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr>
<td><a href="<?cs var:URL.visits ?>/<?cs var:r.id ?>">#<?cs var:r.id ?></a></td>
<td><?cs var:r.client_name ?></td><td><?cs var:r.visitor_name ?></td>
<td class="nowrap"><?cs var:r.visited_on ?></td><td class="nowrap"><?cs var:r.submitted_at ?></td>
<td><a class="button" href="<?cs var:URL.visits ?>/<?cs var:r.id ?>/review"><?cs var:L.VisitReview.Open ?></a></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.VisitReview.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
