<?cs # A visit report overdue, to the supervisors (lib/visit_jobs.c): Mail.Subject,
  Mail.Number, Mail.Client, Mail.Visitor, Mail.Visited, Mail.Due. ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?> <?cs var:Mail.Client ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.VisitJobs.Mail.OverdueText ?>

<?cs var:L.VisitJobs.Number ?>: <?cs var:Mail.Number ?>
<?cs var:L.VisitJobs.Client ?>: <?cs var:Mail.Client ?>
<?cs var:L.VisitJobs.Visitor ?>: <?cs var:Mail.Visitor ?>
<?cs var:L.VisitJobs.VisitedOn ?>: <?cs var:Mail.Visited ?>
<?cs var:L.VisitJobs.ReportDue ?>: <?cs var:Mail.Due ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:Mail.Subject ?></strong></p>
<p><?cs var:L.VisitJobs.Mail.OverdueText ?></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitJobs.Number ?></th><td><?cs var:Mail.Number ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitJobs.Client ?></th><td><?cs var:Mail.Client ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitJobs.Visitor ?></th><td><?cs var:Mail.Visitor ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitJobs.VisitedOn ?></th><td><?cs var:Mail.Visited ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitJobs.ReportDue ?></th><td><?cs var:Mail.Due ?></td></tr>
</table>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
