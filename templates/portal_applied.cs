<?cs # portal_applied.cs — the application was received: its private link (this once) ?>
<section class="card narrow portal">
<h1><?cs var:L.Portal.Apply.Received ?></h1>
<?cs if:Done.Again ?>
<p id="again"><?cs var:L.Portal.Apply.Again ?></p>
<?cs if:Done.Mailed ?><p><?cs var:L.Portal.Apply.MailedBefore ?></p><?cs /if ?>
<?cs else ?>
<p class="status-words" id="status-words"><?cs var:L.Application.Words.submitted ?></p>
<p><?cs var:L.Portal.Apply.LinkIntro ?></p>
<p class="private-link"><a id="private-link" href="<?cs var:Done.Link ?>"><?cs var:Done.Link ?></a></p>
<p class="hint"><?cs var:L.Portal.Apply.KeepLink ?></p>
<?cs if:Done.Mailed ?><p><?cs var:L.Portal.Apply.Mailed ?></p><?cs /if ?>
<?cs /if ?>
</section>
