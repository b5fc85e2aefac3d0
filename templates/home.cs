<?cs # home.cs — the staff start page: my work ?>
<h1><?cs var:L.Home.Welcome ?><?cs if:Lang == "en" ?> <?cs /if ?><?cs var:User.Name ?></h1>
<?cs if:Calendar.End ?><div class="alert alert-warn" role="status" id="calendar-short"><?cs var:L.CalendarWatch.Home ?> <?cs var:Calendar.End ?>. <a href="<?cs var:URL.admin ?>/calendar"><?cs var:L.CalendarWatch.HomeLink ?></a></div><?cs /if ?>
<?cs # one card per section of the start page (lib/programs.c: gw_work_sections) ?>
<div class="grid">
<?cs # a section may say how many, the nearest deadline and where all of it is; the director's c/d alert stands apart ?>
<?cs each:s = Work ?><section class="card<?cs if:s.alert ?> work-alert<?cs /if ?>" id="work-<?cs var:s.id ?>" aria-labelledby="h-<?cs var:s.id ?>"><h2 id="h-<?cs var:s.id ?>"><?cs var:L.Home[s.word] ?><?cs if:s.count ?> <span class="badge count"><?cs var:s.count ?></span><?cs /if ?></h2>
<?cs if:subcount(s.Items) ?><ul class="list"><?cs each:w = s.Items ?><li<?cs if:w.alert ?> class="work-alert-item"<?cs /if ?>><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
<?cs if:s.count && s.count != "0" ?><p class="work-sum"><?cs var:L.Home.Count ?> <?cs var:s.count ?><?cs if:s.due ?> · <?cs var:L.Home.Nearest ?>: <span class="work-due"><?cs var:s.due ?></span><?cs /if ?><?cs if:s.more ?> · <a href="<?cs var:s.more ?>"><?cs var:L.Home.All ?></a><?cs /if ?></p><?cs /if ?>
</section>
<?cs /each ?></div>
