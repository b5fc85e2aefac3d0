<?cs # projects_list.cs — the projects the user may see (a list of lib/list.c): filters, search, sortable columns, keyset pages, CSV; overdue rows stand out ?>
<div class="toolbar"><h1><?cs var:L.Projects.Title ?></h1><span class="spacer"></span>
<a class="button" href="<?cs var:URL.projects ?>/summary"><?cs var:L.Projects.Summary.Link ?></a>
<?cs if:Perm.fee_collect ?><a class="button" href="<?cs var:URL.projects ?>/collections"><?cs var:L.Projects.Collections ?></a><?cs /if ?>
<?cs if:Page.CanCreate ?><a class="button primary" href="<?cs var:URL.projects ?>/new"><?cs var:L.Projects.New ?></a><?cs /if ?>
<?cs if:List.Export ?><a class="button" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a><?cs /if ?></div>
<form method="get" action="<?cs var:URL.projects ?>/" class="card filters">
<?cs call:list_filter("status", L.Projects.Status, Opt.Statuses) ?>
<?cs call:list_filter("type", L.Projects.Type, Opt.Types) ?>
<?cs call:list_filter("department", L.Projects.Department, Opt.Departments) ?>
<?cs call:list_search() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.projects ?>/"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="projects">
<thead><tr><?cs call:list_sort("id", L.Projects.Number) ?><?cs call:list_sort("client_name", L.Projects.Client) ?><th scope="col"><?cs var:L.Projects.Type ?></th><th scope="col"><?cs var:L.Projects.Department ?> / <?cs var:L.Projects.Lead ?></th><?cs call:list_sort("status", L.Projects.Status) ?><th scope="col"><?cs var:L.Projects.LearnDue ?></th><th scope="col"><?cs var:L.Projects.CoachDue ?></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr<?cs if:r.overdue == "1" ?> class="overdue"<?cs /if ?>>
<td><a href="<?cs var:URL.projects ?>/<?cs var:r.id ?>">#<?cs var:r.id ?></a></td>
<td><?cs var:r.client_name ?></td>
<td><?cs if:Lang == "en" ?><?cs var:r.type_en ?><?cs else ?><?cs var:r.type_zh ?><?cs /if ?></td>
<td><?cs var:r.dept_name ?><?cs if:r.lead_name ?><br><small><?cs var:r.lead_name ?></small><?cs /if ?></td>
<td><?cs var:L.Projects.Statuses[r.status] ?><?cs if:r.blocked_stage ?><br><span class="badge overdue"><?cs var:L.Projects.Block ?></span><?cs /if ?></td>
<td class="nowrap"><?cs var:r.learn_due ?></td>
<td class="nowrap"><?cs var:r.coach_due ?><?cs if:r.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Projects.Overdue ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Projects.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
