<?cs # complaints_list.cs — the complaint lists (mine, department, all, 待核实): a list of lib/list.c with filters, search, sortable columns, keyset paging and CSV export ?>
<div class="toolbar"><h1><?cs var:L.Complaints.Title ?></h1><span class="spacer"></span>
<?cs if:Perm.complaint_write ?><a class="button primary" href="<?cs var:URL.complaints ?>/new"><?cs var:L.Complaints.New ?></a><?cs /if ?>
<a class="button" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a></div>
<nav class="tabs" aria-label="<?cs var:L.Complaints.Tabs.Label ?>">
<a href="<?cs var:URL.complaints ?>/?tab=mine&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "mine" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.mine ?></a>
<a href="<?cs var:URL.complaints ?>/?tab=department&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "department" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.department ?></a>
<?cs if:Filter.CanAll ?><a href="<?cs var:URL.complaints ?>/?tab=all&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "all" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.all ?></a><?cs /if ?>
<?cs if:Filter.CanSuspected ?><a href="<?cs var:URL.complaints ?>/?tab=suspected&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "suspected" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.suspected ?></a><?cs /if ?>
<a href="<?cs var:URL.complaints ?>/?tab=registered&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "registered" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.registered ?></a>
<?cs if:Filter.CanReferred ?><a href="<?cs var:URL.complaints ?>/?tab=referred&amp;<?cs var:Filter.Query ?>"<?cs if:Filter.Tab == "referred" ?> aria-current="page"<?cs /if ?>><?cs var:L.Complaints.Tabs.referred ?></a><?cs /if ?>
<?cs if:Filter.Tab == "escalated" ?><a href="<?cs var:URL.complaints ?>/?tab=escalated&amp;<?cs var:Filter.Query ?>" aria-current="page"><?cs var:L.Complaints.Tabs.escalated ?></a><?cs /if ?>
</nav>
<form method="get" action="<?cs var:URL.complaints ?>/" class="card filters">
<input type="hidden" name="tab" value="<?cs var:Filter.Tab ?>">
<?cs call:list_filter("stage", L.Complaint.Stage, Opt.Stages) ?>
<?cs call:list_filter("severity", L.Complaint.Severity, Opt.Severities) ?>
<?cs call:list_filter("source", L.Complaint.Source, Opt.Sources) ?>
<?cs if:Filter.Client ?><div class="field"><span class="field-label"><?cs var:L.Complaint.Client ?></span>
<input type="hidden" name="client" value="<?cs var:Filter.Client ?>">
<span class="chip"><?cs if:Filter.ClientName.name ?><?cs var:Filter.ClientName.name ?><?cs else ?>#<?cs var:Filter.Client ?><?cs /if ?>
<a href="<?cs var:URL.complaints ?>/?tab=<?cs var:Filter.Tab ?>&amp;<?cs var:Filter.QueryNoClient ?>" title="<?cs var:L.Complaints.RemoveFilter ?>" aria-label="<?cs var:L.Complaints.RemoveFilter ?>">×</a></span></div><?cs /if ?>
<?cs if:Filter.Advisor ?><div class="field"><span class="field-label"><?cs var:L.Complaint.Advisor ?></span>
<input type="hidden" name="advisor" value="<?cs var:Filter.Advisor ?>">
<span class="chip"><?cs if:Filter.AdvisorName.name ?><?cs var:Filter.AdvisorName.name ?><?cs else ?>#<?cs var:Filter.Advisor ?><?cs /if ?>
<a href="<?cs var:URL.complaints ?>/?tab=<?cs var:Filter.Tab ?>&amp;<?cs var:Filter.QueryNoAdvisor ?>" title="<?cs var:L.Complaints.RemoveFilter ?>" aria-label="<?cs var:L.Complaints.RemoveFilter ?>">×</a></span></div><?cs
else ?><div class="field<?cs if:Form.advisor_q.Error ?> has-error<?cs /if ?>">
<?cs call:label("advisor_q", L.Complaint.Advisor, 0) ?>
<input type="search"<?cs call:field_attrs("advisor_q", 0) ?> value="<?cs var:Form.advisor_q ?>" maxlength="100" placeholder="<?cs var:L.Complaints.AdvisorHint ?>">
<?cs call:field_error("advisor_q") ?><?cs if:subcount(Filter.AdvisorPick) ?><p class="hint" id="advisor-pick"><?cs
each:p = Filter.AdvisorPick ?><a class="chip" href="<?cs var:URL.complaints ?>/?tab=<?cs var:Filter.Tab ?>&amp;<?cs var:Filter.QueryNoAdvisor ?>&amp;advisor=<?cs var:p.id ?>"><?cs var:p.name ?></a> <?cs /each ?></p><?cs /if ?></div><?cs /if ?>
<?cs call:checkbox("overdue", L.Complaints.OverdueOnly) ?>
<?cs call:list_search() ?>
<p class="hint" id="search-for"><?cs var:L.Complaints.SearchFor ?></p><?cs
if:Search.Narrow ?><p class="hint" role="status" id="search-narrow"><?cs var:L.Complaints.SearchNarrow ?></p><?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.complaints ?>/?tab=<?cs var:Filter.Tab ?>"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="complaints">
<thead><tr><th scope="col"><?cs var:L.Complaint.Tracking ?></th><?cs call:list_sort("created_at", L.Complaints.Created) ?><?cs call:list_sort("name", L.Complaints.Complainant) ?><th scope="col"><?cs var:L.Complaint.Source ?></th><th scope="col"><?cs var:L.Complaint.Severity ?></th><?cs call:list_sort("stage", L.Complaint.Stage) ?><th scope="col"><?cs var:L.Complaint.Department ?> / <?cs var:L.Complaint.Owner ?></th><?cs call:list_sort("resolution_due", L.Complaint.ResolutionDue) ?></tr></thead>
<tbody><?cs each:r = Rows ?><tr<?cs if:r.overdue == "1" ?> class="overdue"<?cs /if ?>>
<td><a href="<?cs var:URL.complaints ?>/<?cs var:r.id ?>"><?cs var:r.tracking_no ?></a></td>
<td class="nowrap"><?cs var:string.slice(r.created_at, 0, 16) ?></td>
<td><?cs var:r.name ?><?cs if:r.company ?><br><small><?cs var:r.company ?></small><?cs /if ?><?cs if:r.client_name ?><br><small><?cs var:L.Complaint.Client ?>: <?cs var:r.client_name ?></small><?cs /if ?></td>
<td><?cs var:L.Complaint.Sources[r.source] ?></td>
<td><?cs if:r.severity ?><span class="badge sev-<?cs var:r.severity ?>"><?cs var:L.Complaint.Severities[r.severity] ?></span><?cs else ?><span class="badge off"><?cs var:L.Complaint.Unclassified ?></span><?cs /if ?></td>
<td><?cs var:L.Complaint.Stages[r.stage] ?><?cs if:r.waiting == "1" ?><br><span class="badge waiting"><?cs var:L.Complaint.Waiting ?></span><?cs /if ?></td>
<td><?cs var:r.dept_name ?><?cs if:r.owner_name ?><br><small><?cs var:r.owner_name ?></small><?cs /if ?></td>
<td class="nowrap"><?cs var:string.slice(r.resolution_due, 0, 16) ?><?cs if:r.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Complaint.Overdue ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Complaints.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
