<?cs # A notice about one project to staff or to the client: Mail.Subject,
  Mail.Number, Mail.Client, Mail.Type, Mail.Department, Mail.Text. ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?> <?cs var:Mail.Client ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.Projects.Number ?>: <?cs var:Mail.Number ?>
<?cs var:L.Projects.Client ?>: <?cs var:Mail.Client ?>
<?cs var:L.Projects.Type ?>: <?cs var:Mail.Type ?>
<?cs var:L.Projects.Department ?>: <?cs var:Mail.Department ?>

<?cs var:Mail.Text ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:Mail.Subject ?></strong></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Projects.Number ?></th><td><?cs var:Mail.Number ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Projects.Client ?></th><td><?cs var:Mail.Client ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Projects.Type ?></th><td><?cs var:Mail.Type ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Projects.Department ?></th><td><?cs var:Mail.Department ?></td></tr>
</table>
<p style="white-space:pre-wrap"><?cs var:Mail.Text ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
