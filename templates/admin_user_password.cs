<?cs # admin_user_password.cs — a new password, shown this once (never in a URL, never stored in clear) ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<section class="card narrow">
<h1><?cs var:L.Admin.Users.PasswordTitle ?></h1>
<dl class="admin-facts">
<dt><?cs var:L.Admin.Users.PasswordFor ?></dt><dd><strong id="pw-login"><?cs var:Target.login ?></strong> · <?cs var:Target.name ?></dd>
</dl>
<p class="admin-password"><code id="new-password"><?cs var:NewPassword ?></code></p>
<div class="alert alert-warn" role="note"><?cs var:L.Admin.Users.PasswordOnce ?></div>
<p class="hint"><?cs var:L.Admin.Users.PasswordChange ?></p>
<div class="actions"><a class="button primary" href="<?cs var:URL.admin ?>/users/<?cs var:Target.id ?>"><?cs var:L.Admin.Users.ToAccount ?></a>
<a class="button" href="<?cs var:URL.admin ?>/users"><?cs var:L.Admin.Users.Back ?></a></div>
</section>
