<?cs # admin_department_form.cs — rename a department, deactivate or activate it ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<section class="card">
<h1><?cs var:L.Admin.Departments.EditTitle ?> · <?cs var:Dept.name ?></h1>
<p><?cs if:Dept.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?>
<?cs var:L.Admin.Departments.Members ?>: <a href="<?cs var:URL.admin ?>/users?department=<?cs var:Dept.id ?>"><?cs var:Dept.members ?></a></p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/departments/<?cs var:Dept.id ?>" class="form"><?cs call:csrf() ?>
<?cs call:field("name", L.Admin.Departments.Name, "text", 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Admin.Departments.Rename ?></button>
<a class="button" href="<?cs var:URL.admin ?>/departments"><?cs var:L.Common.Cancel ?></a></div>
</form>
</section>
<section class="card" aria-labelledby="h-dept-status">
<h2 id="h-dept-status"><?cs var:L.Admin.Departments.Status ?></h2>
<?cs if:Dept.active == 1 ?>
<form method="post" action="<?cs var:URL.admin ?>/departments/<?cs var:Dept.id ?>/deactivate"><?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.Admin.Departments.Deactivate ?></button>
<p class="hint"><?cs var:L.Admin.Departments.DeactivateHint ?></p></form>
<?cs else ?>
<form method="post" action="<?cs var:URL.admin ?>/departments/<?cs var:Dept.id ?>/activate"><?cs call:csrf() ?>
<button type="submit"><?cs var:L.Admin.Departments.Activate ?></button></form>
<?cs /if ?>
</section>
