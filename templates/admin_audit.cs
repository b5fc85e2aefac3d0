<?cs # admin_audit.cs — the audit log (a list of lib/list.c): filters, search, sortable columns, keyset pages, CSV export ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Audit.Title ?></h1>
<?cs call:form_errors() ?>
<form method="get" action="<?cs var:URL.admin ?>/audit" class="card form">
<div class="form-grid">
<?cs call:field("user", L.Admin.Audit.User, "text", 0) ?>
<div><?cs call:field("entity", L.Admin.Audit.Entity, "text", 0) ?><p class="hint"><?cs var:L.Admin.Audit.EntityHint ?></p></div>
<div><?cs call:field("action", L.Admin.Audit.ActionFilter, "text", 0) ?><p class="hint"><?cs var:L.Admin.Audit.ActionHint ?></p></div>
<?cs call:field("from", L.Admin.Audit.From, "date", 0) ?>
<?cs call:field("to", L.Admin.Audit.To, "date", 0) ?>
<?cs call:list_search() ?>
</div>
<p class="hint"><?cs var:L.Admin.Audit.DatesHint ?> (<?cs var:Audit.Zone ?>)</p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.admin ?>/audit"><?cs var:L.Common.Reset ?></a>
<?cs if:List.Export ?><a class="button" id="audit-export" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a><?cs /if ?></div>
</form>
<?cs if:subcount(Rows) ?>
<div class="table-wrap"><table class="admin-audit">
<thead><tr><?cs call:list_sort("id", L.Admin.Audit.At) ?><?cs call:list_sort("login", L.Admin.Audit.Login) ?><?cs call:list_sort("action", L.Admin.Audit.Action) ?><?cs call:list_sort("entity", L.Admin.Audit.Entity) ?><th scope="col"><?cs var:L.Admin.Audit.Detail ?></th><th scope="col"><?cs var:L.Admin.Audit.Ip ?></th></tr></thead>
<tbody><?cs each:r = Rows ?><tr>
<td class="admin-nowrap"><?cs var:r.at ?></td>
<td><?cs if:r.login ?><a href="<?cs var:URL.admin ?>/audit?user=<?cs var:r.login ?>"><?cs var:r.login ?></a><br><small><?cs var:r.name ?></small><?cs else ?><span class="muted"><?cs var:L.Admin.Audit.System ?></span><?cs /if ?></td>
<td><?cs if:L.AuditSays[r.action] ?><span class="audit-says"><?cs if:r.name ?><?cs var:r.name ?><?cs else ?><?cs var:L.Admin.Audit.System ?><?cs /if ?> <?cs var:L.AuditSays[r.action] ?><?cs if:r.entity_id && r.action != "login" && r.action != "logout" && r.action != "user.password" && r.action != "user.password_wrong" ?> #<?cs var:r.entity_id ?><?cs /if ?></span><br><small class="muted"><code><?cs var:r.action ?></code></small><?cs else ?><code><?cs var:r.action ?></code><?cs /if ?></td>
<td class="admin-nowrap"><?cs var:r.entity ?><?cs if:r.entity_id ?> #<?cs var:r.entity_id ?><?cs /if ?></td>
<td class="admin-detail"><?cs var:r.detail ?></td>
<td class="admin-nowrap"><?cs var:r.ip ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty"><?cs var:L.Admin.Audit.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
