<?cs # portal_apply.cs — the onboarding application form (new, or an edit of a
  rejected one when Form.Edit holds its action): a phone, no JavaScript ?>
<section class="card narrow portal">
<h1><?cs if:Form.Edit ?><?cs var:L.Portal.Apply.EditTitle ?><?cs else ?><?cs var:L.Portal.Apply.Title ?><?cs /if ?></h1>
<p class="hint"><?cs var:L.Portal.Apply.Intro ?></p>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert"><?cs var:L.Msg[Page.Error] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="<?cs if:Form.Edit ?><?cs var:Form.Edit ?><?cs else ?><?cs var:URL.portal ?>/apply<?cs /if ?>" enctype="multipart/form-data" class="form">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<div class="pot" aria-hidden="true"><label for="f-website">Website</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>
<fieldset class="apply-group"><legend><?cs var:L.Application.Enterprise ?></legend>
<?cs call:field("company_name", L.Application.CompanyName, "text", 1) ?>
<?cs call:field("uscc", L.Application.Uscc, "text", 1) ?>
<p class="hint"><?cs var:L.Application.UsccHint ?></p>
</fieldset>
<fieldset class="apply-group"><legend><?cs var:L.Application.Contact ?></legend>
<?cs call:field("contact_name", L.Application.ContactName, "text", 1) ?>
<?cs call:field("contact_phone", L.Application.ContactPhone, "tel", 1) ?>
<?cs call:field("contact_email", L.Application.ContactEmail, "email", 0) ?>
<p class="hint"><?cs var:L.Application.EmailHint ?></p>
</fieldset>
<fieldset class="apply-group<?cs if:Form.services.Error ?> has-error<?cs /if ?>" id="f-services"<?cs if:Form.services.Error ?> aria-invalid="true" aria-describedby="e-services"<?cs /if ?>><legend><?cs var:L.Application.ServicesWanted ?> <span class="req" aria-hidden="true">*</span></legend>
<?cs each:s = Opt.Services ?><div class="field-check"><input type="checkbox" id="f-services-<?cs name:s ?>" name="services" value="<?cs name:s ?>"<?cs if:Form.services[name(s)] ?> checked<?cs /if ?>>
<label for="f-services-<?cs name:s ?>"><?cs var:s ?></label></div>
<?cs /each ?><?cs call:field_error("services") ?></fieldset>
<div class="field<?cs if:Form.licence.Error ?> has-error<?cs /if ?>">
<label for="f-licence"><?cs var:L.Application.Licence ?><?cs if:!Form.Edit ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label>
<input type="file" id="f-licence" name="licence" accept="application/pdf,image/jpeg,image/png"<?cs if:Form.licence.Error ?> aria-invalid="true" aria-describedby="e-licence"<?cs /if ?>>
<p class="hint"><?cs if:Form.Edit ?><?cs var:L.Application.LicenceKeep ?><?cs else ?><?cs var:L.Application.LicenceHint ?><?cs /if ?></p>
<?cs if:Form.FilesAgain ?><p class="hint"><?cs var:L.Application.LicenceAgain ?></p><?cs /if ?>
<?cs call:field_error("licence") ?></div>
<div class="actions"><button type="submit" class="primary"><?cs if:Form.Edit ?><?cs var:L.Portal.Apply.Resubmit ?><?cs else ?><?cs var:L.Portal.Apply.Submit ?><?cs /if ?></button></div>
</form>
</section>
