<?cs # applications_list.cs — the review queue of onboarding applications (lib/list.c): by status and age, search, sortable, keyset paging ?>
<div class="toolbar"><h1><?cs var:L.Applications.Title ?></h1></div>
<form method="get" action="<?cs var:URL.applications ?>/" class="card filters">
<?cs call:list_filter("status", L.Applications.Status, Opt.Statuses) ?>
<?cs call:list_filter("age", L.Applications.Age, Opt.Ages) ?>
<?cs call:list_filter("trust", L.Applications.Trust, Opt.Trust) ?>
<?cs call:list_search() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.applications ?>/"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs if:subcount(Rows) ?><div class="table-wrap"><table class="applications">
<thead><tr><?cs call:list_sort("submitted_at", L.Application.Submitted) ?><?cs call:list_sort("company_name", L.Application.CompanyName) ?><th scope="col"><?cs var:L.Application.Uscc ?></th><th scope="col"><?cs var:L.Application.ContactName ?></th><?cs call:list_sort("status", L.Applications.Status) ?></tr></thead>
<tbody><?cs each:r = Rows ?><tr>
<td class="nowrap"><?cs var:string.slice(r.submitted_at, 0, 16) ?></td>
<td><a href="<?cs var:URL.applications ?>/<?cs var:r.id ?>"><?cs var:r.company_name ?></a><?cs if:r.round > 1 ?> <small>· <?cs var:L.Applications.RoundShort ?> <?cs var:r.round ?></small><?cs /if ?></td>
<td><?cs var:r.uscc ?></td>
<td><?cs var:r.contact_name ?></td>
<td><span class="badge app-<?cs var:r.status ?>"><?cs var:L.Application.Statuses[r.status] ?></span><?cs if:r.trust == "suspect" ?> <span class="badge overdue"><?cs var:L.Applications.Suspect ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Applications.Empty ?></p><?cs /if ?>
<?cs call:list_pager() ?>
