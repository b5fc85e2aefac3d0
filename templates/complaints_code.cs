<?cs # complaints_code.cs — the tracking number and the verification code, shown once after registering ?>
<div class="alert alert-ok complaint-code" role="status">
<p><?cs var:L.Complaints.CodeOnce ?></p>
<dl class="facts">
<dt><?cs var:L.Complaint.Tracking ?></dt><dd><code class="secret" id="created-tracking"><?cs var:Created.Tracking ?></code></dd>
<dt><?cs var:L.Complaint.Code ?></dt><dd><code class="secret" id="created-code"><?cs var:Created.Code ?></code></dd>
</dl>
<?cs if:Created.Mailed ?><p><?cs var:L.Complaints.CodeMailed ?></p><?cs /if ?>
</div>
