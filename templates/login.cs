<?cs # login.cs — the staff sign-in form ?>
<section class="card narrow">
<h1><?cs var:L.Login.Heading ?></h1>
<?cs if:Session.Expired ?><div class="alert alert-info" role="status"><?cs var:L.Login.Expired ?></div><?cs /if ?>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert" id="login-error"><?cs var:L.Msg[Page.Error] ?></div><?cs /if ?>
<form method="post" action="<?cs var:URL.login ?>/" class="form">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<input type="hidden" name="next" value="<?cs var:Form.next ?>">
<?cs call:field("login", L.Login.User, "text", 1) ?>
<?cs call:field("password", L.Login.Password, "password", 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Login.Submit ?></button></div>
</form>
</section>
