<?cs # clients_list.cs — the client list (lib/list.c): search (name substring, USCC, ID number for the cleared, contact name or phone, lead), filters, sortable columns, keyset paging and CSV; basic information only ?>
<div class="toolbar"><h1><?cs var:L.Clients.Title ?></h1><span class="spacer"></span>
<?cs if:Perm.client_write ?><a class="button primary" href="<?cs var:URL.clients ?>/new"><?cs var:L.Clients.New ?></a><?cs /if ?>
<?cs if:List.Private ?><form method="post" action="<?cs var:URL.clients ?>/export" class="inline" id="export-private"><?cs call:csrf() ?>
<input type="hidden" name="q" value="<?cs var:Form.q ?>"><input type="hidden" name="tier" value="<?cs var:Form.tier ?>"><input type="hidden" name="dept" value="<?cs var:Form.dept ?>"><input type="hidden" name="lead" value="<?cs var:Form.lead ?>"><input type="hidden" name="industry" value="<?cs var:Form.industry ?>"><input type="hidden" name="stale" value="<?cs var:Form.stale ?>">
<button type="submit"><?cs var:L.Common.Export ?></button></form>
<?cs else ?><a class="button" href="<?cs var:List.Export ?>"><?cs var:L.Common.Export ?></a><?cs /if ?></div>
<?cs # POST: an ID number in the search must reach no URL (access logs, Referer); any other search is sent on as a GET ?>
<form method="post" action="<?cs var:URL.clients ?>/" class="card filters"><?cs call:csrf() ?>
<?cs call:list_search() ?>
<?cs call:list_filter("tier", L.Client.Tier, Opt.Tiers) ?>
<?cs call:list_filter("dept", L.Client.Department, Opt.Departments) ?>
<?cs call:list_filter("lead", L.Client.Lead, Opt.Leads) ?>
<?cs call:field("industry", L.Client.Industry, "text", 0) ?>
<div class="field field-check">
<input type="checkbox" id="f-stale" name="stale" value="1"<?cs if:Form.stale ?> checked<?cs /if ?>>
<label for="f-stale"><?cs var:L.Clients.Stale ?> (<?cs var:Filter.ContactDays ?> <?cs var:L.Clients.Days ?>)</label></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.clients ?>/"><?cs var:L.Common.Reset ?></a></div>
<p class="hint"><?cs var:L.Clients.SearchHint ?></p>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="clients">
<thead><tr><?cs call:list_sort("name", L.Client.Name) ?><th scope="col"><?cs var:L.Client.Uscc ?></th><th scope="col"><?cs var:L.Client.Industry ?></th><th scope="col"><?cs var:L.Client.Tier ?></th><th scope="col"><?cs var:L.Client.Department ?> / <?cs var:L.Client.Lead ?></th><th scope="col"><?cs var:L.Client.Contact ?></th><?cs call:list_sort("last_contact_on", L.Client.LastContact) ?></tr></thead>
<tbody><?cs each:r = Rows ?><tr>
<td><a href="<?cs var:URL.clients ?>/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td class="nowrap"><?cs var:r.uscc ?></td>
<td><?cs var:r.industry ?></td>
<td><?cs if:r.tier == "premium" ?><span class="badge premium"><?cs var:L.Client.Tiers.premium ?></span><?cs else ?><?cs var:L.Client.Tiers.normal ?><?cs /if ?></td>
<td><?cs var:r.dept_name ?><?cs if:r.lead_name ?><br><small><?cs var:r.lead_name ?></small><?cs /if ?></td>
<td><?cs var:r.contact_name ?><?cs if:r.contact_phone ?><br><small><?cs var:r.contact_phone ?></small><?cs /if ?></td>
<td class="nowrap"><?cs if:r.last_contact_on ?><?cs var:r.last_contact_on ?><?cs else ?><?cs var:L.Client.Never ?><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Clients.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
