<?cs # portal_complaint.cs — the public complaint form: a phone, no JavaScript ?>
<section class="card narrow portal">
<h1><?cs var:L.Portal.Complaint.Title ?></h1>
<p class="hint"><?cs var:L.Portal.Complaint.Intro ?></p>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert"><?cs var:L.Msg[Page.Error] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.portal ?>/complaint" enctype="multipart/form-data" class="form">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<div class="pot" aria-hidden="true"><label for="f-website">Website</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>
<?cs call:field("name", L.Complaint.Name, "text", 1) ?>
<?cs call:field("phone", L.Complaint.Phone, "tel", 0) ?>
<?cs call:field("email", L.Complaint.Email, "email", 0) ?>
<p class="hint"><?cs var:L.Complaint.ContactHint ?></p>
<?cs call:field("company", L.Complaint.Company, "text", 0) ?>
<?cs call:field("subject", L.Complaint.Subject, "text", 0) ?>
<p class="hint"><?cs var:L.Complaint.SubjectHint ?></p>
<?cs call:field("happened_on", L.Complaint.HappenedOn, "date", 0) ?>
<?cs call:textarea("description", L.Complaint.Description, 1) ?>
<p class="hint"><?cs var:L.Complaint.DescriptionHint ?></p>
<div class="field<?cs if:Form.files.Error ?> has-error<?cs /if ?>">
<label for="f-files"><?cs var:L.Complaint.Files ?></label>
<input type="file" id="f-files" name="files" multiple accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"<?cs if:Form.files.Error ?> aria-invalid="true" aria-describedby="e-files"<?cs /if ?>>
<?cs if:Form.FilesAgain ?><p class="hint"><?cs var:L.Complaint.FilesAgain ?></p><?cs /if ?>
<?cs call:field_error("files") ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Portal.Complaint.Submit ?></button></div>
</form>
<p><a href="<?cs var:URL.portal ?>/complaint/status"><?cs var:L.Portal.Status.Title ?></a></p>
</section>
