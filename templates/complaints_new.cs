<?cs # complaints_new.cs — staff register a complaint taken by phone, on a visit or by e-mail ?>
<section class="card">
<h1><?cs var:L.Complaints.NewTitle ?></h1>
<p class="hint"><?cs var:L.Complaints.NewIntro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.complaints ?>/new" class="form"><?cs call:csrf() ?>
<input type="hidden" name="form_key" value="<?cs var:Form.form_key ?>">
<div class="form-grid">
<?cs call:select("source", L.Complaint.Source, Opt.Sources, 1) ?>
<?cs call:field("name", L.Complaints.ComplainantName, "text", 1) ?>
<?cs call:field("phone", L.Complaint.Phone, "tel", 0) ?>
<?cs call:field("email", L.Complaint.Email, "email", 0) ?>
<?cs call:field("company", L.Complaint.Company, "text", 0) ?>
<?cs call:client_pick("client", L.Complaint.Client) ?>
<?cs call:field("subject", L.Complaint.Subject, "text", 0) ?>
<?cs call:select("advisor", L.Complaint.Advisor, Opt.Advisors, 0) ?>
<?cs call:field("happened_on", L.Complaint.HappenedOn, "date", 0) ?>
</div>
<p class="hint" id="contact-hint"><?cs var:L.Complaints.StaffContactHint ?></p>
<?cs call:textarea("description", L.Complaint.Description, 1) ?>
<p class="hint" id="description-hint"><?cs var:L.Complaints.StaffDescriptionHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Register ?></button>
<a class="button" href="<?cs var:URL.complaints ?>/"><?cs var:L.Common.Cancel ?></a></div>
</form>
</section>
