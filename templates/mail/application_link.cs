<?cs # The private link to an applicant who gave an e-mail address.
  Mail.Name, Mail.Company, Mail.StatusURL. ?><?cs
if:Mail.Part == "subject" ?><?cs var:L.Application.Mail.Subject ?> <?cs var:Mail.Company ?><?cs
elif:Mail.Part == "text" ?><?cs var:Mail.Name ?> <?cs var:L.Application.Mail.Hello ?>

<?cs var:L.Application.Words.submitted ?>

<?cs var:L.Application.Mail.Body ?>
<?cs var:Mail.StatusURL ?>

<?cs var:L.Application.Mail.KeepLink ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:L.Application.Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><?cs var:Mail.Name ?> <?cs var:L.Application.Mail.Hello ?></p>
<p><strong><?cs var:L.Application.Words.submitted ?></strong></p>
<p><?cs var:L.Application.Mail.Body ?><br><a href="<?cs var:Mail.StatusURL ?>"><?cs var:Mail.StatusURL ?></a></p>
<p><?cs var:L.Application.Mail.KeepLink ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
