<?cs # The weekly progress summary (项目进度汇总表) of one department to its
  managers: Mail.Subject, Mail.Department, Mail.Today, Mail.Rows.N.{lead_name,
  projects, active, steps_done, steps_total, met, missed, collections}. ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?> <?cs var:Mail.Department ?> <?cs var:Mail.Today ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.Projects.Summary.Title ?> · <?cs var:Mail.Department ?> · <?cs var:L.Projects.Summary.Asof ?> <?cs var:Mail.Today ?>

<?cs each:r = Mail.Rows ?><?cs if:r.lead_name ?><?cs var:r.lead_name ?><?cs else ?><?cs var:L.Projects.NoLead ?><?cs /if ?>: <?cs var:L.Projects.Summary.Projects ?> <?cs var:r.projects ?>, <?cs var:L.Projects.Summary.Active ?> <?cs var:r.active ?>, <?cs var:L.Projects.Summary.Steps ?> <?cs var:r.steps_done ?>/<?cs var:r.steps_total ?>, <?cs var:L.Projects.Summary.Met ?> <?cs var:r.met ?>, <?cs var:L.Projects.Summary.Missed ?> <?cs var:r.missed ?>, <?cs var:L.Projects.Summary.Collections ?> <?cs var:r.collections ?>
<?cs /each ?><?cs if:!subcount(Mail.Rows) ?><?cs var:L.Projects.Empty ?>
<?cs /if ?>
-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:L.Projects.Summary.Title ?> · <?cs var:Mail.Department ?></strong> · <?cs var:L.Projects.Summary.Asof ?> <?cs var:Mail.Today ?></p>
<table style="border-collapse:collapse" border="1" cellpadding="4">
<tr><th><?cs var:L.Projects.Lead ?></th><th><?cs var:L.Projects.Summary.Projects ?></th><th><?cs var:L.Projects.Summary.Active ?></th><th><?cs var:L.Projects.Summary.Steps ?></th><th><?cs var:L.Projects.Summary.Met ?></th><th><?cs var:L.Projects.Summary.Missed ?></th><th><?cs var:L.Projects.Summary.Collections ?></th></tr>
<?cs each:r = Mail.Rows ?><tr><td><?cs if:r.lead_name ?><?cs var:r.lead_name ?><?cs else ?><?cs var:L.Projects.NoLead ?><?cs /if ?></td><td><?cs var:r.projects ?></td><td><?cs var:r.active ?></td><td><?cs var:r.steps_done ?>/<?cs var:r.steps_total ?></td><td><?cs var:r.met ?></td><td><?cs var:r.missed ?></td><td><?cs var:r.collections ?></td></tr>
<?cs /each ?></table>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
