<?cs # clients_view.cs — one client: the classes of information the user may see (nothing of the others, not even whether they are filled in), contacts, leads, history with diffs, financial periods and files, and for directors who saw its financials ?>
<?cs call:form_errors() ?>
<div class="toolbar client-head"><h1><?cs var:Client.name ?></h1><span class="spacer"></span>
<?cs if:Client.tier == "premium" ?><span class="badge premium"><?cs var:L.Client.Tiers.premium ?></span><?cs /if ?>
<?cs if:Client.verified_at ?><span class="badge ok" id="verified"><?cs var:L.Client.Verified ?> <?cs var:string.slice(Client.verified_at, 0, 10) ?> · <?cs var:Client.verified_by_name ?></span><?cs /if ?>
<?cs if:Perm.project_create ?><a class="button" id="new-project" href="<?cs var:URL.projects ?>/new?client=<?cs var:Client.id ?>"><?cs var:L.Clients.NewProject ?></a><?cs /if ?>
<?cs if:Perm.complaint_write ?><a class="button" id="new-complaint" href="<?cs var:URL.complaints ?>/new?client=<?cs var:Client.id ?>"><?cs var:L.Clients.NewComplaint ?></a><?cs /if ?>
<?cs if:Perm.client_write ?><a class="button" href="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/edit"><?cs var:L.Common.Edit ?></a><?cs /if ?></div>
<div class="grid">
<section class="card" aria-labelledby="h-basic" id="basic"><h2 id="h-basic"><?cs var:L.Client.Classes.basic ?></h2>
<dl class="facts">
<dt><?cs var:L.Client.Uscc ?></dt><dd><?cs if:Client.uscc ?><?cs var:Client.uscc ?><?cs else ?>—<?cs /if ?></dd>
<?cs if:Client.industry ?><dt><?cs var:L.Client.Industry ?></dt><dd><?cs var:Client.industry ?></dd><?cs /if ?>
<?cs if:Client.address ?><dt><?cs var:L.Client.Address ?></dt><dd><?cs var:Client.address ?></dd><?cs /if ?>
<?cs if:Client.legal_rep_name ?><dt><?cs var:L.Client.LegalRepName ?></dt><dd><?cs var:Client.legal_rep_name ?></dd><?cs /if ?>
<dt><?cs var:L.Client.Department ?></dt><dd><?cs if:Client.dept_name ?><?cs var:Client.dept_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Client.LastContact ?></dt><dd id="last-contact"><?cs if:Client.last_contact_on ?><?cs var:Client.last_contact_on ?><?cs else ?><?cs var:L.Client.Never ?><?cs /if ?></dd>
<?cs if:Complaints.Count ?><dt><?cs var:L.Nav.Complaints ?></dt><dd><a id="client-complaints" href="<?cs var:URL.complaints ?>/?tab=all&amp;client=<?cs var:Client.id ?>"><?cs var:L.Clients.ComplaintsOf ?> (<?cs var:Complaints.Count ?>)</a></dd><?cs /if ?>
<dt><?cs var:L.Clients.Created ?></dt><dd><?cs var:Client.created_at ?></dd>
</dl>
<form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/contacted" class="form inline"><?cs call:csrf() ?>
<?cs call:field("contacted_on", L.Clients.ContactedOn, "date", 1) ?>
<?cs call:field("contacted_note", L.Clients.ContactedNote, "text", 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Clients.MarkContacted ?></button></div></form>
<?cs if:Perm.client_write ?><form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/verify" class="form inline"><?cs call:csrf() ?>
<?cs call:field("note", L.Clients.VerifyNote, "text", 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Clients.Verify ?></button></div></form><?cs /if ?>
</section>
<?cs if:Client.Level >= 2 ?><section class="card" aria-labelledby="h-business" id="business"><h2 id="h-business"><?cs var:L.Client.Classes.business ?></h2>
<dl class="facts">
<dt><?cs var:L.Client.MainBusiness ?></dt><dd class="pre"><?cs var:Client.main_business ?></dd>
<dt><?cs var:L.Client.FinancingNeeds ?></dt><dd class="pre"><?cs var:Client.financing_needs ?></dd>
<dt><?cs var:L.Client.LoanPurpose ?></dt><dd class="pre"><?cs var:Client.loan_purpose ?></dd>
</dl></section><?cs /if ?>
</div>
<?cs if:Client.Level >= 3 ?><section class="card" aria-labelledby="h-financial" id="financial"><h2 id="h-financial"><?cs var:L.Client.Classes.financial ?></h2>
<dl class="facts"><dt><?cs var:L.Client.LegalRepId ?></dt><dd id="legal-rep-id"><?cs if:Client.legal_rep_id ?><?cs var:Client.legal_rep_id ?><?cs else ?>—<?cs /if ?></dd></dl>
<?cs if:subcount(Periods) ?><div class="table-wrap"><table class="periods"><thead><tr><th scope="col"><?cs var:L.Client.Period ?></th>
<?cs each:f = L.Client.Figures ?><th scope="col"><?cs var:f ?></th><?cs /each ?></tr></thead><tbody>
<?cs each:p = Periods ?><tr><th scope="row"><?cs var:p.period ?></th><?cs each:f = L.Client.Figures ?><td class="num"><?cs var:p[name(f)] ?></td><?cs /each ?></tr><?cs /each ?>
</tbody></table></div><?cs /if ?>
<?cs if:Perm.client_write ?><details<?cs if:Form.period.Error || Form.period_reason.Error ?> open<?cs /if ?>><summary><?cs var:L.Clients.AddPeriod ?></summary>
<form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/periods" class="form"><?cs call:csrf() ?>
<div class="form-grid"><?cs call:field("period", L.Client.Period, "text", 1) ?>
<?cs each:f = L.Client.Figures ?><?cs call:field(name(f), f, "text", 0) ?><?cs /each ?></div>
<?cs call:textarea("period_reason", L.Client.Reason, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Save ?></button></div></form></details><?cs /if ?>
<h3><?cs var:L.Clients.Files ?></h3>
<?cs if:subcount(Files) ?><ul class="list" id="files"><?cs each:f = Files ?><li><a href="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/files/<?cs var:f.id ?>"><?cs var:L.Client.FileKinds[f.kind] ?></a> <small>(<?cs var:f.ctype ?>, <?cs var:f.size ?> B, <?cs var:f.created_at ?> · <?cs var:f.user_name ?>)</small></li><?cs /each ?></ul><?cs /if ?>
<?cs if:Perm.client_write ?><form method="post" enctype="multipart/form-data" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/files" class="form"><?cs call:csrf() ?>
<div class="form-grid"><?cs call:select("kind", L.Client.FileKind, L.Client.FileKinds, 1) ?>
<div class="field<?cs if:Form.file.Error ?> has-error<?cs /if ?>"><?cs call:label("file", L.Clients.File, 1) ?>
<input type="file" id="f-file" name="file" accept=".pdf,.xlsx,.jpg,.jpeg,.png"<?cs if:Form.file.Error ?> aria-invalid="true" aria-describedby="e-file"<?cs /if ?>>
<?cs call:field_error("file") ?></div>
<?cs call:field("file_reason", L.Client.Reason, "text", 0) ?></div>
<p class="hint"><?cs var:L.Clients.FileHint ?></p>
<div class="actions"><button type="submit"><?cs var:L.Clients.Upload ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
<div class="grid">
<section class="card" aria-labelledby="h-contacts" id="contacts"><h2 id="h-contacts"><?cs var:L.Client.Contacts ?></h2>
<?cs if:subcount(Contacts) ?><ul class="list"><?cs each:c = Contacts ?><li><strong><?cs var:c.name ?></strong><?cs if:c.role ?> · <?cs var:c.role ?><?cs /if ?><?cs if:c.is_primary == "1" ?> <span class="badge ok"><?cs var:L.Client.Primary ?></span><?cs /if ?>
<br><small><?cs if:c.phone ?><?cs var:c.phone ?> <?cs /if ?><?cs if:c.email ?><?cs var:c.email ?> <?cs /if ?><?cs if:c.wechat ?><?cs var:L.Client.WeChat ?> <?cs var:c.wechat ?> <?cs /if ?><?cs if:c.qq ?>QQ <?cs var:c.qq ?><?cs /if ?></small>
<?cs if:Perm.client_write && c.is_primary != "1" ?><form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/contacts/<?cs var:c.id ?>/primary" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:L.Clients.MakePrimary ?></button></form><?cs /if ?></li><?cs /each ?></ul>
<?cs else ?><p class="empty"><?cs var:L.Clients.NoContacts ?></p><?cs /if ?>
<?cs if:Perm.client_write ?><details<?cs if:Form.name.Error || Form.phone.Error || Form.email.Error || Form.qq.Error ?> open<?cs /if ?>><summary><?cs var:L.Clients.AddContact ?></summary>
<form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/contacts" class="form"><?cs call:csrf() ?>
<div class="form-grid"><?cs call:field("name", L.Client.ContactName, "text", 1) ?>
<?cs call:field("role", L.Client.ContactRole, "text", 0) ?>
<?cs call:field("phone", L.Client.ContactPhone, "tel", 0) ?>
<?cs call:field("email", L.Client.ContactEmail, "email", 0) ?>
<?cs call:field("wechat", L.Client.WeChat, "text", 0) ?>
<?cs call:field("qq", L.Client.QQ, "text", 0) ?></div>
<?cs call:checkbox("primary", L.Client.Primary) ?>
<div class="actions"><button type="submit"><?cs var:L.Common.Save ?></button></div></form></details><?cs /if ?>
</section>
<section class="card" aria-labelledby="h-leads" id="leads"><h2 id="h-leads"><?cs var:L.Client.Leads ?></h2>
<?cs if:subcount(Leads) ?><ul class="list"><?cs each:l = Leads ?><li><?cs var:l.name ?> <small>(<?cs var:L.Role[l.role] ?><?cs if:l.dept_name ?> · <?cs var:l.dept_name ?><?cs /if ?>)</small>
<?cs if:Perm.client_write ?><form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/leads/<?cs var:l.id ?>/remove" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:L.Clients.RemoveLead ?></button></form><?cs /if ?></li><?cs /each ?></ul>
<?cs else ?><p class="empty"><?cs var:L.Clients.NoLeads ?></p><?cs /if ?>
<?cs if:Perm.client_write ?><p class="actions"><a class="button" id="add-lead" href="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/leads"><?cs var:L.Clients.AddLead ?></a></p><?cs /if ?>
</section>
</div>
<?cs # the client's projects with their leads (issues 10 and 11): its own block ?>
<?cs if:Perm.project_read ?><section class="card" aria-labelledby="h-projects" id="projects"><h2 id="h-projects"><?cs var:L.Clients.Projects ?></h2>
<?cs if:subcount(Projects) ?><div class="table-wrap"><table><thead><tr><th scope="col"><?cs var:L.Projects.Number ?></th><th scope="col"><?cs var:L.Projects.Type ?></th><th scope="col"><?cs var:L.Projects.Department ?> / <?cs var:L.Projects.Lead ?></th><th scope="col"><?cs var:L.Projects.Status ?></th></tr></thead><tbody>
<?cs each:p = Projects ?><tr><td><a href="<?cs var:URL.projects ?>/<?cs var:p.id ?>">#<?cs var:p.id ?></a></td><td><?cs if:Lang == "en" ?><?cs var:p.type_en ?><?cs else ?><?cs var:p.type_zh ?><?cs /if ?></td><td><?cs var:p.dept_name ?><?cs if:p.lead_name ?><br><small><?cs var:p.lead_name ?></small><?cs /if ?></td><td><?cs var:L.Projects.Statuses[p.status] ?></td></tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty"><?cs var:L.Clients.NoProjects ?></p><?cs /if ?></section><?cs /if ?>
<?cs # the return visits (回访) of this client, newest first: the visit's day (planned: its due date) ?><?cs if:Perm.visit_read ?><section class="card" aria-labelledby="h-visits" id="visits"><h2 id="h-visits"><?cs var:L.VisitJobs.History ?></h2>
<?cs if:subcount(Visits) ?><table class="list"><thead><tr><th scope="col"><?cs var:L.VisitJobs.Date ?></th><th scope="col"><?cs var:L.VisitJobs.Method ?></th><th scope="col"><?cs var:L.VisitJobs.Visitor ?></th><th scope="col"><?cs var:L.VisitJobs.Status ?></th><th scope="col"><?cs var:L.VisitJobs.Satisfaction ?></th></tr></thead><tbody>
<?cs each:v = Visits ?><tr><td><a href="<?cs var:URL.visits ?>/<?cs var:v.id ?>"><?cs if:v.visited_on ?><?cs var:v.visited_on ?><?cs else ?><?cs var:L.VisitJobs.Due ?> <?cs var:v.due_on ?><?cs /if ?></a></td><td><?cs var:L.VisitJobs.Methods[v.method] ?></td><td><?cs var:v.visitor ?></td><td><?cs var:L.VisitJobs.Statuses[v.status] ?></td><td><?cs if:v.satisfaction ?><?cs var:v.satisfaction ?> / 5<?cs else ?>—<?cs /if ?></td></tr><?cs /each ?>
</tbody></table><?cs else ?><p class="empty"><?cs var:L.VisitJobs.NoHistory ?></p><?cs /if ?>
</section><?cs /if ?>
<section class="card" aria-labelledby="h-history" id="history"><h2 id="h-history"><?cs var:L.Clients.History ?></h2>
<?cs if:subcount(History) ?><ol class="timeline"><?cs each:h = History ?><li><span class="when"><?cs var:h.at ?></span> · <?cs var:h.user_name ?> · <strong><?cs var:L.Client.HistoryKinds[h.kind] ?></strong>
<p class="pre"><?cs var:h.reason ?></p>
<?cs if:subcount(HistoryFields[h.id]) ?><table class="diff"><thead><tr><th scope="col"><?cs var:L.Clients.Field ?></th><th scope="col"><?cs var:L.Clients.Before ?></th><th scope="col"><?cs var:L.Clients.After ?></th></tr></thead><tbody>
<?cs each:d = HistoryFields[h.id] ?><tr><th scope="row"><?cs alt:L.Client.Fields[d.field] ?><?cs alt:L.Client.Figures[d.field] ?><?cs var:d.field ?><?cs /alt ?><?cs /alt ?></th><td><del><?cs var:d.old ?></del></td><td><ins><?cs var:d.new ?></ins></td></tr><?cs /each ?>
</tbody></table><?cs /if ?></li><?cs /each ?></ol><?cs /if ?>
</section>
<?cs if:subcount(Readers) ?><section class="card" aria-labelledby="h-readers" id="readers"><h2 id="h-readers"><?cs var:L.Clients.Readers ?></h2>
<div class="table-wrap"><table><thead><tr><th scope="col"><?cs var:L.Clients.When ?></th><th scope="col"><?cs var:L.Clients.Who ?></th><th scope="col"><?cs var:L.Clients.What ?></th></tr></thead><tbody>
<?cs each:r = Readers ?><tr><td class="nowrap"><?cs var:r.at ?></td><td><?cs var:r.user_name ?></td><td><?cs alt:L.Clients.ReadKinds[r.kind] ?><?cs var:r.kind ?><?cs /alt ?> <small><?cs var:r.detail ?></small></td></tr><?cs /each ?>
</tbody></table></div><?cs if:ReadersMore ?><p><a href="<?cs var:URL.admin ?>/audit?entity=client&amp;entity_id=<?cs var:Client.id ?>"><?cs var:L.Clients.AllReads ?></a></p><?cs /if ?></section><?cs /if ?>
