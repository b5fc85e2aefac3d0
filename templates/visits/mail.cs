<?cs # mail.cs — the visit content mailed to the client: the visitor reviews and edits the text drafted from the report, then queues it; a client without an address is told so ?>
<?cs include:"visits/after_report.cs" ?>
<section class="card" aria-labelledby="h-mail"><h2 id="h-mail"><?cs var:L.VisitMail.Title ?></h2>
<?cs if:Mail.NoEmail ?><p class="alert alert-error" role="status" id="no-email"><?cs var:L.VisitMail.NoEmail ?></p>
<?cs else ?><p id="mail-to"><?cs var:L.VisitMail.To ?>: <strong><?cs var:Mail.email ?></strong><?cs if:Mail.name ?> (<?cs var:Mail.name ?>)<?cs /if ?></p><?cs /if ?>
<form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/mail" class="form" id="mail-form"><?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs call:textarea("mail_text", L.VisitMail.Text, 1) ?>
<p class="hint"><?cs var:L.VisitMail.TextHint ?></p>
<div class="actions"><button type="submit" class="primary"<?cs if:Mail.NoEmail ?> disabled<?cs /if ?>><?cs var:L.VisitMail.Submit ?></button></div>
</form></section>
