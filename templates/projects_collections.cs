<?cs # projects_collections.cs — the open collection cases (追款): fees unpaid past their due date, for market and legal ?>
<div class="toolbar"><h1><?cs var:L.Projects.Collections ?></h1></div>
<?cs if:subcount(Cases) ?><div class="table-wrap"><table class="collections">
<thead><tr><th scope="col"><?cs var:L.Projects.Number ?></th><th scope="col"><?cs var:L.Projects.Client ?></th><th scope="col"><?cs var:L.Projects.Fee ?></th><th scope="col"><?cs var:L.Projects.FeeDue ?></th><th scope="col"><?cs var:L.Projects.Market ?></th><th scope="col"><?cs var:L.Projects.CollectionOpen ?></th><th scope="col"><?cs var:L.Projects.Notes ?></th></tr></thead>
<tbody><?cs each:r = Cases ?><tr class="overdue">
<td><a href="<?cs var:URL.projects ?>/<?cs var:r.id ?>">#<?cs var:r.id ?></a></td><td><?cs var:r.client_name ?></td>
<td class="nowrap">¥<?cs var:r.fee_yuan ?> · <?cs var:r.fee_purpose ?></td><td class="nowrap"><?cs var:r.fee_due ?></td>
<td><?cs var:r.market_name ?></td><td class="nowrap"><?cs var:r.opened_at ?></td><td><?cs var:r.notes ?></td></tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Projects.NoCollections ?></p><?cs /if ?>
