<?cs # projects_new.cs — market creates a project for a client with its first assignment slip (分配单) ?>
<section class="card">
<h1><?cs var:L.Projects.NewTitle ?></h1>
<p class="hint"><?cs var:L.Projects.NewIntro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.projects ?>/new" class="form"><?cs call:csrf() ?>
<input type="hidden" name="form_key" value="<?cs var:Form.form_key ?>">
<div class="form-grid">
<?cs call:client_pick("client", L.Projects.Client) ?>
<?cs call:select("type", L.Projects.Type, Opt.Types, 1) ?>
<?cs call:field("fee", L.Projects.Fee, "text", 1) ?>
<?cs call:field("fee_purpose", L.Projects.FeePurpose, "text", 1) ?>
<?cs call:field("fee_due", L.Projects.FeeDue, "date", 1) ?>
</div>
<h2><?cs var:L.Projects.Slip ?></h2>
<div class="form-grid">
<?cs call:select("department", L.Projects.Department, Opt.Departments, 1) ?>
<?cs call:select("advisor", L.Projects.Advisor, Opt.Advisors, 0) ?>
<?cs call:field("slip_on", L.Projects.SlipOn, "date", 1) ?>
</div>
<p class="hint"><?cs var:L.Projects.SlipHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Create ?></button>
<a class="button" href="<?cs var:URL.projects ?>/"><?cs var:L.Common.Cancel ?></a></div>
</form>
</section>
