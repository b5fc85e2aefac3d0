<?cs # visits/list.cs — the visits the user may see (a list of lib/list.c): tabs, filters, search, sortable columns, keyset pages, CSV; overdue reports stand out ?>
<div class="toolbar"><h1><?cs var:L.Visits.Title ?></h1><span class="spacer"></span>
<?cs if:Page.CanPlan ?><a class="button primary" href="<?cs var:URL.visits ?>/plan"><?cs var:L.Visits.Plan ?></a><?cs /if ?>
<?cs if:Perm.visit_review ?><a class="button" href="<?cs var:URL.visits ?>/review" id="to-review"><?cs var:L.VisitReview.ListTitle ?></a><?cs /if ?>
<a class="button" href="<?cs var:URL.visits ?>/archive" id="to-archive"><?cs var:L.VisitArchive.ListTitle ?></a>
<?cs if:List.Export ?><a class="button" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a><?cs /if ?></div>
<nav class="tabs" aria-label="<?cs var:L.Visits.Tabs.Label ?>">
<a href="<?cs var:URL.visits ?>/"<?cs if:!Page.Tab ?> aria-current="page"<?cs /if ?>><?cs var:L.Visits.Tabs.all ?></a>
<a href="<?cs var:URL.visits ?>/?tab=mine"<?cs if:Page.Tab == "mine" ?> aria-current="page"<?cs /if ?>><?cs var:L.Visits.Tabs.mine ?></a>
<a href="<?cs var:URL.visits ?>/?tab=planned"<?cs if:Page.Tab == "planned" ?> aria-current="page"<?cs /if ?>><?cs var:L.Visits.Tabs.planned ?></a>
<a href="<?cs var:URL.visits ?>/?tab=open"<?cs if:Page.Tab == "open" ?> aria-current="page"<?cs /if ?>><?cs var:L.Visits.Tabs.open ?></a>
<a href="<?cs var:URL.visits ?>/?tab=overdue"<?cs if:Page.Tab == "overdue" ?> aria-current="page"<?cs /if ?>><?cs var:L.Visits.Tabs.overdue ?></a>
</nav>
<form method="get" action="<?cs var:URL.visits ?>/" class="card filters">
<?cs if:Page.Tab ?><input type="hidden" name="tab" value="<?cs var:Page.Tab ?>"><?cs /if ?>
<?cs call:list_filter("status", L.Visit.Status, Opt.Statuses) ?>
<?cs call:list_filter("method", L.Visit.Method, Opt.Methods) ?>
<?cs call:list_filter("origin", L.Visit.Origin, Opt.Origins) ?>
<?cs call:list_filter("visitor", L.Visit.Visitor, Opt.Visitors) ?>
<?cs call:list_filter("department", L.Visit.Department, Opt.Departments) ?>
<?cs call:list_search() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.visits ?>/"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="visits">
<thead><tr><?cs call:list_sort("id", L.Visit.Number) ?><th scope="col"><?cs var:L.Visit.Client ?></th><th scope="col"><?cs var:L.Visit.Method ?></th><?cs call:list_sort("status", L.Visit.Status) ?><th scope="col"><?cs var:L.Visit.Visitor ?></th><th scope="col"><?cs var:L.Visit.DueOn ?></th><th scope="col"><?cs var:L.Visit.VisitedOn ?></th><th scope="col"><?cs var:L.Visit.ReportDue ?></th><th scope="col"><?cs var:L.Visit.Satisfaction ?></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr id="visit-<?cs var:r.id ?>"<?cs if:r.overdue == "1" ?> class="overdue"<?cs /if ?>>
<td><a href="<?cs var:URL.visits ?>/<?cs var:r.id ?>">#<?cs var:r.id ?></a></td>
<td><?cs var:r.client_name ?><br><small><?cs var:L.Visit.Origins[r.origin] ?></small></td>
<td><?cs var:L.Visit.Methods[r.method] ?></td>
<td><?cs var:L.Visit.Statuses[r.status] ?></td>
<td><?cs if:r.visitor_name ?><?cs var:r.visitor_name ?><?cs else ?>—<?cs /if ?><?cs if:r.dept_name ?><br><small><?cs var:r.dept_name ?></small><?cs /if ?></td>
<td class="nowrap"><?cs var:r.due_on ?></td>
<td class="nowrap"><?cs var:r.visited_on ?></td>
<td class="nowrap"><?cs var:r.report_due ?><?cs if:r.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Visit.Overdue ?></span><?cs /if ?></td>
<td><?cs if:r.satisfaction ?><?cs var:r.satisfaction ?>/5<?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Visits.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
