<?cs # clients_form.cs — a new client or an edit of one: only the classes of information the user may see are in the form; an edit needs a reason ?>
<section class="card">
<h1><?cs if:Edit.Id ?><?cs var:L.Clients.EditTitle ?> · <?cs var:Client.name ?><?cs else ?><?cs var:L.Clients.NewTitle ?><?cs /if ?></h1>
<?cs call:form_errors() ?>
<?cs if:Form.Conflict ?><div class="alert alert-error" role="alert" id="conflict"><?cs var:L.Clients.Conflict ?></div><?cs /if ?>
<form method="post" action="<?cs var:URL.clients ?><?cs if:Edit.Id ?>/<?cs var:Edit.Id ?>/edit<?cs else ?>/new<?cs /if ?>" class="form"><?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<h2><?cs var:L.Client.Classes.basic ?></h2>
<div class="form-grid">
<?cs call:field("name", L.Client.Name, "text", 1) ?>
<div class="field<?cs if:Form.uscc.Error ?> has-error<?cs /if ?>">
<?cs call:label("uscc", L.Client.Uscc, 0) ?>
<input type="text" maxlength="18"<?cs call:field_attrs("uscc", 0) ?> value="<?cs var:Form.uscc ?>">
<?cs call:field_error("uscc") ?><?cs if:Form.uscc.Existing ?><p class="field-error"><a id="existing-client" href="<?cs var:URL.clients ?>/<?cs var:Form.uscc.Existing ?>"><?cs var:L.Clients.OpenExisting ?></a></p><?cs /if ?></div>
<?cs call:field("industry", L.Client.Industry, "text", 0) ?>
<?cs call:field("address", L.Client.Address, "text", 0) ?>
<?cs call:select("tier", L.Client.Tier, Opt.Tiers, 1) ?>
<?cs call:select("department", L.Client.Department, Opt.Departments, 0) ?>
<?cs call:select("lead", L.Client.Lead, Opt.Leads, 0) ?>
<?cs call:field("legal_rep_name", L.Client.LegalRepName, "text", 0) ?>
<?cs if:Edit.Level >= 3 ?><?cs call:field("legal_rep_id", L.Client.LegalRepId, "text", 0) ?><?cs /if ?>
</div>
<?cs if:Edit.Level >= 2 ?><h2><?cs var:L.Client.Classes.business ?></h2>
<?cs call:textarea("main_business", L.Client.MainBusiness, 0) ?>
<?cs call:textarea("financing_needs", L.Client.FinancingNeeds, 0) ?>
<?cs call:textarea("loan_purpose", L.Client.LoanPurpose, 0) ?><?cs /if ?>
<?cs if:!Edit.Id ?><h2><?cs var:L.Client.PrimaryContact ?></h2>
<div class="form-grid">
<?cs call:field("contact_name", L.Client.ContactName, "text", 0) ?>
<?cs call:field("contact_role", L.Client.ContactRole, "text", 0) ?>
<?cs call:field("contact_phone", L.Client.ContactPhone, "tel", 0) ?>
<?cs call:field("contact_email", L.Client.ContactEmail, "email", 0) ?>
<?cs call:field("contact_wechat", L.Client.WeChat, "text", 0) ?>
<?cs call:field("contact_qq", L.Client.QQ, "text", 0) ?>
</div><?cs /if ?>
<?cs call:textarea("reason", L.Client.Reason, Edit.Id) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Save ?></button>
<a class="button" href="<?cs var:URL.clients ?>/<?cs if:Edit.Id ?><?cs var:Edit.Id ?><?cs /if ?>"><?cs var:L.Common.Cancel ?></a></div>
</form>
</section>
