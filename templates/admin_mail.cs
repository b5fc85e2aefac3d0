<?cs # admin_mail.cs — the outbox: failed for good (with resend), notices with no recipient, what is waiting ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Mail.Title ?></h1>
<p class="muted"><?cs var:L.Admin.Mail.Intro ?></p>
<?cs if:subcount(Mail.Counts) ?><p id="mail-counts"><?cs each:c = Mail.Counts ?><span class="badge mail-<?cs var:c.status ?>"><?cs var:L.Admin.Mail.Status[c.status] ?>: <?cs var:c.n ?></span> <?cs /each ?></p><?cs /if ?>
<form method="get" action="<?cs var:URL.admin ?>/mail" class="card form">
<div class="form-grid">
<?cs call:list_filter("status", L.Admin.Mail.State, L.Admin.Mail.Status) ?>
<?cs call:list_search() ?>
</div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.admin ?>/mail"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?>
<div class="table-wrap"><table class="admin-mail">
<thead><tr><?cs call:list_sort("id", "#") ?><th scope="col"><?cs var:L.Admin.Mail.Created ?></th><th scope="col"><?cs var:L.Admin.Mail.State ?></th><th scope="col"><?cs var:L.Admin.Mail.To ?></th><th scope="col"><?cs var:L.Admin.Mail.Subject ?></th><th scope="col"><?cs var:L.Admin.Mail.Attempts ?></th><th scope="col"><?cs var:L.Admin.Mail.LastError ?></th><th scope="col"></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr id="mail-<?cs var:r.id ?>" class="mail-<?cs var:r.status ?>">
<td><?cs var:r.id ?></td>
<td class="admin-nowrap"><?cs var:r.created_at ?></td>
<td class="admin-nowrap"><?cs var:L.Admin.Mail.Status[r.status] ?><?cs if:r.status == "queued" && r.next_try_at ?><br><small><?cs var:L.Admin.Mail.NextTry ?> <?cs var:r.next_try_at ?></small><?cs /if ?></td>
<td><?cs if:r.status == "norecipient" ?><?cs var:L.Admin.Mail.MeantFor ?> <?cs var:r.for_whom ?><?cs else ?><?cs var:r.to_masked ?><?cs /if ?></td>
<td><?cs var:r.subject ?></td>
<td><?cs var:r.attempts ?></td>
<td class="admin-detail"><?cs var:r.last_error ?></td>
<td><?cs if:r.status == "failed" ?><form method="post" action="<?cs var:URL.admin ?>/mail/<?cs var:r.id ?>/resend"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Mail.Resend ?></button></form><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs call:list_pager() ?>
<?cs else ?><p class="empty"><?cs var:L.Admin.Mail.Empty ?></p><?cs /if ?>
<p class="hint"><?cs var:L.Admin.Mail.Hint ?></p>
