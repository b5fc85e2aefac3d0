<?cs # admin_users.cs — staff accounts (a list of lib/list.c): filter by department, role and status, search, sort; 20 a page ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Users.Title ?></h1>
<?cs call:form_errors() ?>
<form method="get" action="<?cs var:URL.admin ?>/users" class="card form">
<div class="form-grid">
<?cs call:list_filter("department", L.Admin.Users.Department, Opt.Depts) ?>
<?cs call:list_filter("role", L.Admin.Users.Role, L.Role) ?>
<?cs call:list_filter("active", L.Admin.Users.Status, L.Admin.ActiveOpt) ?>
<?cs call:list_search() ?>
</div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.admin ?>/users"><?cs var:L.Common.Reset ?></a>
<a class="button" href="<?cs var:URL.admin ?>/users/new"><?cs var:L.Admin.Users.New ?></a></div>
</form>
<?cs if:subcount(Rows) ?>
<div class="table-wrap"><table class="admin-list">
<thead><tr><?cs call:list_sort("login", L.Admin.Users.Login) ?><?cs call:list_sort("name", L.Admin.Users.Name) ?><?cs call:list_sort("role", L.Admin.Users.Role) ?><?cs call:list_sort("dept", L.Admin.Users.Department) ?><?cs call:list_sort("clearance", L.Admin.Users.Clearance) ?><?cs call:list_sort("active", L.Admin.Users.Status) ?></tr></thead>
<tbody><?cs each:u = Rows ?><tr>
<td><a href="<?cs var:URL.admin ?>/users/<?cs var:u.id ?>"><?cs var:u.login ?></a></td>
<td><?cs var:u.name ?></td>
<td><?cs var:L.Role[u.role] ?></td>
<td><?cs var:u.dept ?></td>
<td class="num"><?cs var:u.clearance ?></td>
<td><?cs if:u.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs call:list_pager() ?>
<?cs else ?><p class="empty"><?cs var:L.Admin.Users.Empty ?></p><?cs /if ?>
