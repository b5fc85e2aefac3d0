<?cs # admin_users.cs — staff accounts: filter by department, role and status; 20 a page ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Users.Title ?></h1>
<?cs call:form_errors() ?>
<form method="get" action="<?cs var:URL.admin ?>/users" class="card form">
<div class="form-grid">
<?cs call:filter_select("department", L.Admin.Users.Department, Opt.Depts) ?>
<?cs call:filter_select("role", L.Admin.Users.Role, L.Role) ?>
<?cs call:filter_select("active", L.Admin.Users.Status, L.Admin.ActiveOpt) ?>
</div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.admin ?>/users"><?cs var:L.Common.Reset ?></a>
<a class="button" href="<?cs var:URL.admin ?>/users/new"><?cs var:L.Admin.Users.New ?></a></div>
</form>
<?cs if:subcount(Users) ?>
<p class="muted"><?cs var:L.Admin.Users.Total ?>: <?cs var:UsersTotal ?></p>
<div class="table-wrap"><table class="admin-list">
<thead><tr><th scope="col"><?cs var:L.Admin.Users.Login ?></th><th scope="col"><?cs var:L.Admin.Users.Name ?></th><th scope="col"><?cs var:L.Admin.Users.Role ?></th><th scope="col"><?cs var:L.Admin.Users.Department ?></th><th scope="col" class="num"><?cs var:L.Admin.Users.Clearance ?></th><th scope="col"><?cs var:L.Admin.Users.Status ?></th></tr></thead>
<tbody><?cs each:u = Users ?><tr>
<td><a href="<?cs var:URL.admin ?>/users/<?cs var:u.id ?>"><?cs var:u.login ?></a></td>
<td><?cs var:u.name ?></td>
<td><?cs var:L.Role[u.role] ?></td>
<td><?cs var:u.dept ?></td>
<td class="num"><?cs var:u.clearance ?></td>
<td><?cs if:u.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs call:pager() ?>
<?cs else ?><p class="empty"><?cs var:L.Admin.Users.Empty ?></p><?cs /if ?>
