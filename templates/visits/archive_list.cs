<?cs # archive_list.cs — archived visit reports (a list of lib/list.c): searched by client, category, tag and the text discussed and the opinions; the keeper's tab lists the accepted reports to classify; the keeper's links open the report's own page (they may be outside a visit's scope) ?>
<div class="toolbar"><h1><?cs var:L.VisitArchive.ListTitle ?></h1><span class="spacer"></span>
<?cs if:After.Keeper ?><nav class="tabs" aria-label="<?cs var:L.VisitArchive.ListTitle ?>">
<a href="<?cs var:URL.visits ?>/archive"<?cs if:After.State == "archived" ?> aria-current="page"<?cs /if ?>><?cs var:L.VisitArchive.TabArchived ?></a>
<a href="<?cs var:URL.visits ?>/archive?state=accepted" id="tab-to-classify"<?cs if:After.State == "accepted" ?> aria-current="page"<?cs /if ?>><?cs var:L.VisitArchive.TabToClassify ?></a></nav><?cs /if ?>
<?cs if:List.Export ?><a class="button" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a><?cs /if ?></div>
<form method="get" action="<?cs var:URL.visits ?>/archive" class="card filters">
<?cs if:After.State == "accepted" ?><input type="hidden" name="state" value="accepted"><?cs /if ?>
<?cs call:list_filter("category", L.VisitArchive.Category, Opt.Categories) ?>
<?cs call:field("tag", L.VisitArchive.Tag, "text", 0) ?>
<?cs call:list_search() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.visits ?>/archive"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="visits" id="archive">
<thead><tr><?cs call:list_sort("id", L.VisitReview.Number) ?><?cs call:list_sort("client_name", L.VisitReview.Client) ?><th scope="col"><?cs var:L.VisitReview.VisitedOn ?></th><th scope="col"><?cs var:L.VisitArchive.Category ?></th><th scope="col"><?cs var:L.VisitReview.Opinions ?></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr>
<td><a href="<?cs var:URL.visits ?>/<?cs var:r.id ?><?cs if:After.Keeper ?>/archive<?cs /if ?>">#<?cs var:r.id ?></a></td>
<td><?cs var:r.client_name ?><br><small><?cs var:r.visitor_name ?></small></td>
<td class="nowrap"><?cs var:r.visited_on ?></td>
<td><?cs if:r.category ?><?cs var:L.VisitArchive.Categories[r.category] ?><?cs else ?>—<?cs /if ?><?cs if:r.tags ?><br><small class="tags"><?cs var:r.tags ?></small><?cs /if ?></td>
<td><?cs var:r.opinions ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.VisitArchive.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
