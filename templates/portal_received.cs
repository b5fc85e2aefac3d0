<?cs # portal_received.cs — the complaint was received: its number and code ?>
<section class="card narrow portal">
<h1><?cs var:L.Portal.Complaint.Received ?></h1>
<?cs if:Done.Again ?>
<p id="again"><?cs var:L.Portal.Complaint.Again ?></p>
<dl class="ticket">
<dt><?cs var:L.Complaint.Tracking ?></dt><dd id="tracking-no"><?cs var:Done.Tracking ?></dd>
</dl>
<p class="hint"><?cs var:L.Portal.Complaint.CodeNotAgain ?></p>
<?cs if:Done.Mailed ?><p><?cs var:L.Portal.Complaint.MailedBefore ?></p><?cs /if ?>
<?cs else ?>
<p><?cs var:L.Portal.Complaint.ReceivedIntro ?></p>
<dl class="ticket">
<dt><?cs var:L.Complaint.Tracking ?></dt><dd id="tracking-no"><?cs var:Done.Tracking ?></dd>
<dt><?cs var:L.Complaint.Code ?></dt><dd id="verify-code"><?cs var:Done.Code ?></dd>
</dl>
<p class="copy-row"><button type="button" id="copy-ticket" class="secondary" hidden aria-controls="copy-status" data-copy="<?cs var:L.Complaint.Tracking ?>: <?cs var:Done.Tracking ?> <?cs var:L.Complaint.Code ?>: <?cs var:Done.Code ?>" data-done="<?cs var:L.Portal.Complaint.Copied ?>" data-failed="<?cs var:L.Portal.Complaint.CopyFailed ?>"><?cs var:L.Portal.Complaint.Copy ?></button> <span id="copy-status" role="status"></span></p>
<p class="hint"><?cs var:L.Portal.Complaint.KeepThem ?></p>
<p class="hint" id="screenshot-note"><?cs var:L.Portal.Complaint.Screenshot ?></p>
<?cs if:Done.Mailed ?><p id="mailed"><?cs var:L.Portal.Complaint.Mailed ?></p><?cs /if ?>
<?cs /if ?>
<p><a class="button" id="status-link" href="<?cs var:URL.portal ?>/complaint/status?tracking=<?cs var:url_escape(Done.Tracking) ?>"><?cs var:L.Portal.Status.Title ?></a></p>
</section>
<script src="<?cs var:App.Static ?>/js/portal.js" defer></script>
