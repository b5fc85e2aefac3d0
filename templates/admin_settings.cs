<?cs # admin_settings.cs — the settings table as one form ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<section class="card">
<h1><?cs var:L.Admin.Settings.Title ?></h1>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/settings" class="form"><?cs call:csrf() ?>
<fieldset class="settings-group"><legend><?cs var:L.Admin.Settings.Portal ?></legend>
<p class="hint"><?cs var:L.Admin.Settings.PortalHint ?></p>
<?cs call:field("centre_phone", L.Admin.Settings.CentrePhone, "tel", 0) ?>
<p class="hint"><?cs var:L.Admin.Settings.CentrePhoneHint ?></p>
<?cs call:field("office_hours_zh", L.Admin.Settings.OfficeHoursZh, "text", 0) ?>
<?cs call:field("office_hours_en", L.Admin.Settings.OfficeHoursEn, "text", 0) ?>
</fieldset>
<fieldset class="settings-group"><legend><?cs var:L.Admin.Settings.Complaints ?></legend>
<p class="hint"><?cs var:L.Admin.Settings.ComplaintsHint ?></p>
<div class="form-grid">
<?cs each:sv = L.Complaint.Severities ?><?cs
  if:name(sv) == "a" || name(sv) == "b" ?><?cs set:Page.Unit = L.Admin.Settings.InWorkdays ?><?cs
  else ?><?cs set:Page.Unit = L.Admin.Settings.InHours ?><?cs /if ?>
<?cs call:field("complaint_" + name(sv) + "_response", sv + " · " + L.Complaint.ResponseDue + Page.Unit, "number", 1) ?>
<?cs call:field("complaint_" + name(sv) + "_resolution", sv + " · " + L.Complaint.ResolutionDue + Page.Unit, "number", 1) ?>
<?cs /each ?>
<?cs call:field("complaint_warn_hours", L.Admin.Settings.WarnHours, "number", 1) ?>
<?cs call:field("complaint_director_after_hours", L.Admin.Settings.DirectorAfterHours, "number", 1) ?>
</div>
</fieldset>
<fieldset class="settings-group"><legend><?cs var:L.Admin.Settings.Projects ?></legend>
<?cs call:select("summary_weekday", L.Admin.Settings.SummaryWeekday, L.Admin.Settings.Weekdays, 1) ?>
<p class="hint"><?cs var:L.Admin.Settings.SummaryWeekdayHint ?></p>
</fieldset>
<fieldset class="settings-group"><legend><?cs var:L.VisitArchive.KeeperGroup ?></legend>
<p class="hint"><?cs var:L.VisitArchive.KeeperHint ?></p>
<?cs call:select("visit_keeper", L.VisitArchive.Keeper, Opt.Keepers, 0) ?>
</fieldset>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Save ?></button></div>
</form>
</section>
