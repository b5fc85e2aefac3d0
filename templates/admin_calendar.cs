<?cs # admin_calendar.cs — the working-day calendar of one year: 12 months, the exceptions, setting one day, importing a list ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Calendar.Title ?> · <?cs var:Cal.Year ?></h1>
<div class="toolbar admin-year-nav">
<a class="button" href="<?cs var:URL.admin ?>/calendar?year=<?cs var:Cal.Prev ?>" rel="prev"><?cs var:L.Admin.Calendar.PrevYear ?></a>
<form method="get" action="<?cs var:URL.admin ?>/calendar" class="admin-year-form">
<label for="f-year"><?cs var:L.Admin.Calendar.Year ?></label>
<input type="number" id="f-year" name="year" min="2000" max="2100" value="<?cs var:Cal.Year ?>">
<button type="submit"><?cs var:L.Admin.Calendar.Show ?></button>
</form>
<a class="button" href="<?cs var:URL.admin ?>/calendar?year=<?cs var:Cal.Next ?>" rel="next"><?cs var:L.Admin.Calendar.NextYear ?></a>
</div>
<p class="admin-working-days"><?cs var:L.Admin.Calendar.WorkingDays ?>: <strong id="working-days"><?cs var:Cal.WorkingDays ?></strong> <?cs var:L.Admin.Calendar.Days ?></p>
<ul class="admin-legend" aria-label="<?cs var:L.Admin.Calendar.Legend ?>">
<li><span class="badge holiday"><?cs var:L.Admin.Calendar.Holiday ?></span></li>
<li><span class="badge workday"><?cs var:L.Admin.Calendar.Workday ?></span></li>
<li><span class="badge off"><?cs var:L.Admin.Calendar.Off ?></span></li>
</ul>
<div class="months">
<?cs each:m = Cal.Months ?><div class="month"><table>
<caption><?cs var:L.Admin.Calendar.Month[m] ?></caption>
<thead><tr><?cs each:d = L.Admin.Calendar.Wd ?><th scope="col" abbr="<?cs var:L.Admin.Weekday[name(d)] ?>"><?cs var:d ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:w = m.W ?><tr><?cs each:c = w ?><td<?cs if:c.c ?> class="<?cs var:c.c ?>"<?cs /if ?><?cs if:c.t ?> title="<?cs var:c.t ?>"<?cs /if ?>><?cs var:c ?></td><?cs /each ?></tr>
<?cs /each ?></tbody>
</table></div>
<?cs /each ?></div>

<section class="card admin-gap" aria-labelledby="h-exceptions">
<h2 id="h-exceptions"><?cs var:L.Admin.Calendar.Exceptions ?></h2>
<?cs if:subcount(Cal.Days) ?>
<div class="table-wrap"><table class="admin-list">
<thead><tr><th scope="col"><?cs var:L.Admin.Calendar.Date ?></th><th scope="col"><?cs var:L.Admin.Calendar.Weekday ?></th><th scope="col"><?cs var:L.Admin.Calendar.Kind ?></th><th scope="col"><?cs var:L.Admin.Calendar.DayName ?></th><th scope="col"><?cs var:L.Common.Actions ?></th></tr></thead>
<tbody><?cs each:d = Cal.Days ?><tr>
<td class="admin-nowrap"><?cs var:d.day ?></td>
<td><?cs var:L.Admin.Weekday[d.wd] ?></td>
<td><span class="badge <?cs var:d.kind ?>"><?cs var:L.Admin.Kinds[d.kind] ?></span></td>
<td><?cs var:d.name ?></td>
<td><form method="post" action="<?cs var:URL.admin ?>/calendar/delete" class="inline"><?cs call:csrf() ?><input type="hidden" name="day" value="<?cs var:d.day ?>"><button type="submit" class="danger" aria-label="<?cs var:L.Admin.Calendar.Delete ?> <?cs var:d.day ?>"><?cs var:L.Admin.Calendar.Delete ?></button></form></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty"><?cs var:L.Admin.Calendar.Empty ?></p><?cs /if ?>
</section>

<?cs call:form_errors() ?>
<div class="grid">
<section class="card" aria-labelledby="h-set-day">
<h2 id="h-set-day"><?cs var:L.Admin.Calendar.SetDay ?></h2>
<form method="post" action="<?cs var:URL.admin ?>/calendar/day" class="form"><?cs call:csrf() ?>
<input type="hidden" name="year" value="<?cs var:Cal.Year ?>">
<?cs call:field("date", L.Admin.Calendar.Date, "date", 1) ?>
<?cs call:select("kind", L.Admin.Calendar.Kind, L.Admin.Kinds, 1) ?>
<?cs call:field("name", L.Admin.Calendar.DayName, "text", 0) ?>
<p class="hint"><?cs var:L.Admin.Calendar.SetDayHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Common.Save ?></button></div>
</form>
</section>
<section class="card" aria-labelledby="h-import">
<h2 id="h-import"><?cs var:L.Admin.Calendar.Import ?></h2>
<form method="post" action="<?cs var:URL.admin ?>/calendar/import" class="form"><?cs call:csrf() ?>
<input type="hidden" name="year" value="<?cs var:Cal.Year ?>">
<div class="field<?cs if:Form.tsv.Error ?> has-error<?cs /if ?>">
<?cs call:label("tsv", L.Admin.Calendar.ImportText, 1) ?>
<textarea rows="10" class="admin-tsv" spellcheck="false"<?cs call:field_attrs("tsv", 1) ?>><?cs var:Form.tsv ?></textarea>
<?cs if:Form.tsv.Error == "bad_tsv" ?><p class="field-error" id="e-tsv"><?cs call:fill(L.Err.bad_tsv, Form.tsv.Line) ?></p><?cs else ?><?cs call:field_error("tsv") ?><?cs /if ?>
</div>
<p class="hint"><?cs var:L.Admin.Calendar.ImportHint ?></p>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Admin.Calendar.ImportSubmit ?></button></div>
</form>
</section>
</div>
