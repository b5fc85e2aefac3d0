<?cs # logout.cs — confirm signing out (signing out is a POST) ?>
<section class="card narrow">
<h1><?cs var:L.Login.Logout ?></h1>
<?cs if:User.Name ?>
<p><?cs var:L.Login.LogoutAsk ?></p>
<form method="post" action="<?cs var:URL.login ?>/logout"><?cs call:csrf() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Login.LogoutSubmit ?></button></div>
</form>
<?cs else ?>
<p><a href="<?cs var:URL.login ?>/"><?cs var:L.Login.Submit ?></a></p>
<?cs /if ?>
</section>
