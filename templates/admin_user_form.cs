<?cs # admin_user_form.cs — a new account, or an existing one with its actions ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<section class="card">
<h1><?cs var:L[Page.Title] ?><?cs if:Target.id ?> · <?cs var:Target.login ?><?cs /if ?></h1>
<?cs call:form_errors() ?>
<?cs if:Target.id ?>
<p><?cs if:Target.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?></p>
<?cs if:Target.login == User.Login ?><div class="alert alert-info" role="note"><?cs var:L.Admin.Users.Self ?></div><?cs /if ?>
<form method="post" action="<?cs var:URL.admin ?>/users/<?cs var:Target.id ?>" class="form"><?cs call:csrf() ?>
<?cs else ?>
<form method="post" action="<?cs var:URL.admin ?>/users" class="form"><?cs call:csrf() ?>
<?cs call:field("login", L.Admin.Users.Login, "text", 1) ?>
<p class="hint"><?cs var:L.Admin.Users.LoginHint ?></p>
<?cs /if ?>
<div class="form-grid">
<?cs call:field("name", L.Admin.Users.Name, "text", 1) ?>
<?cs call:field("email", L.Admin.Users.Email, "email", 0) ?>
<?cs call:field("phone", L.Admin.Users.Phone, "tel", 0) ?>
<?cs call:select("role", L.Admin.Users.Role, L.Role, 1) ?>
<?cs call:select("department_id", L.Admin.Users.Department, Opt.Depts, 1) ?>
<?cs call:select("clearance", L.Admin.Users.Clearance, L.Admin.Clearance, 1) ?>
</div>
<?cs if:!Target.id ?>
<?cs # by hand: autocomplete="new-password" keeps the browser from filling in the admin's own password ?><div class="field<?cs if:Form.password.Error ?> has-error<?cs /if ?>">
<?cs call:label("password", L.Admin.Users.Password, 0) ?>
<input type="password" autocomplete="new-password"<?cs call:field_attrs("password", 0) ?>>
<?cs call:field_error("password") ?></div>
<p class="hint"><?cs var:L.Admin.Users.PasswordHint ?></p>
<?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs if:Target.id ?><?cs var:L.Common.Save ?><?cs else ?><?cs var:L.Admin.Users.Create ?><?cs /if ?></button>
<a class="button" href="<?cs var:URL.admin ?>/users"><?cs var:L.Common.Cancel ?></a></div>
</form>
</section>
<?cs if:Target.id ?>
<section class="card" aria-labelledby="h-account">
<h2 id="h-account"><?cs var:L.Common.Actions ?></h2>
<dl class="admin-facts">
<dt><?cs var:L.Admin.Users.Created ?></dt><dd><?cs var:Target.created_at ?></dd>
<dt><?cs var:L.Admin.Users.PasswordChanged ?></dt><dd><?cs if:Target.password_changed_at ?><?cs var:Target.password_changed_at ?><?cs else ?><?cs var:L.Admin.Users.Never ?><?cs /if ?></dd>
</dl>
<div class="admin-actions">
<form method="post" action="<?cs var:URL.admin ?>/users/<?cs var:Target.id ?>/password"><?cs call:csrf() ?>
<button type="submit"><?cs var:L.Admin.Users.ResetPassword ?></button>
<p class="hint"><?cs var:L.Admin.Users.ResetHint ?></p></form>
<?cs if:Target.login != User.Login ?><?cs if:Target.active == 1 ?>
<form method="post" action="<?cs var:URL.admin ?>/users/<?cs var:Target.id ?>/deactivate"><?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.Admin.Users.Deactivate ?></button>
<p class="hint"><?cs var:L.Admin.Users.DeactivateHint ?></p></form>
<?cs else ?>
<form method="post" action="<?cs var:URL.admin ?>/users/<?cs var:Target.id ?>/activate"><?cs call:csrf() ?>
<button type="submit"><?cs var:L.Admin.Users.Activate ?></button></form>
<?cs /if ?><?cs /if ?>
</div>
</section>
<?cs /if ?>
