<?cs # admin_settings.cs — the settings table as one form ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<section class="card">
<h1><?cs var:L.Admin.Settings.Title ?></h1>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/settings" class="form"><?cs call:csrf() ?>
<?cs call:field("centre_name", L.Admin.Settings.CentreName, "text", 1) ?>
<?cs call:field("contact_days", L.Admin.Settings.ContactDays, "number", 1) ?>
<p class="hint"><?cs var:L.Admin.Settings.ContactDaysHint ?></p>
<?cs call:select("summary_weekday", L.Admin.Settings.SummaryWeekday, L.Admin.Weekday, 1) ?>
<p class="hint"><?cs var:L.Admin.Settings.SummaryWeekdayHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Save ?></button></div>
</form>
</section>
