<?cs # password.cs — change one's own password ?>
<section class="card narrow">
<h1><?cs var:L.Password.Title ?></h1>
<?cs if:Password.Required ?><p class="notice" id="must-change" role="status"><?cs var:L.Password.Required ?></p><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.login ?>/password" class="form"><?cs call:csrf() ?>
<?cs call:field("old", L.Password.Old, "password", 1) ?>
<?cs call:field("new", L.Password.New, "password", 1) ?>
<p class="hint"><?cs var:L.Password.NewHint ?></p>
<?cs call:field("confirm", L.Password.Confirm, "password", 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Password.Submit ?></button>
<?cs if:!Password.Required ?><a class="button" href="<?cs var:URL.home ?>/"><?cs var:L.Common.Cancel ?></a><?cs /if ?></div>
</form>
</section>
