<?cs # admin_departments.cs — departments (a list of lib/list.c) with their active members, and a form for a new one ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Departments.Title ?></h1>
<form method="get" action="<?cs var:URL.admin ?>/departments" class="card form">
<div class="form-grid">
<?cs call:list_filter("active", L.Admin.Departments.Status, L.Admin.ActiveOpt) ?>
<?cs call:list_search() ?>
</div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.admin ?>/departments"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?>
<div class="table-wrap"><table class="admin-list">
<thead><tr><?cs call:list_sort("name", L.Admin.Departments.Name) ?><th scope="col" class="num"><?cs var:L.Admin.Departments.Members ?></th><?cs call:list_sort("active", L.Admin.Departments.Status) ?></tr></thead>
<tbody><?cs each:d = Rows ?><tr>
<td><a href="<?cs var:URL.admin ?>/departments/<?cs var:d.id ?>"><?cs var:d.name ?></a></td>
<td class="num"><a href="<?cs var:URL.admin ?>/users?department=<?cs var:d.id ?>"><?cs var:d.members ?></a></td>
<td><?cs if:d.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs call:list_pager() ?>
<?cs else ?><p class="empty"><?cs var:L.Admin.Departments.Empty ?></p><?cs /if ?>
<section class="card admin-gap" aria-labelledby="h-new-dept">
<h2 id="h-new-dept"><?cs var:L.Admin.Departments.New ?></h2>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/departments" class="form"><?cs call:csrf() ?>
<?cs call:field("name", L.Admin.Departments.Name, "text", 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Admin.Departments.Create ?></button></div>
</form>
</section>
