<?cs # layout.cs — every page: header, navigation by permission, flash, the page, footer ?><?cs
include:"macros.cs" ?><!doctype html>
<html lang="<?cs var:L.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:L[Page.Title] ?><?cs if:Page.TitleItem ?> <?cs var:Page.TitleItem ?><?cs /if ?> · <?cs /if ?><?cs var:L.AppName ?></title>
<link rel="stylesheet" href="<?cs var:App.Static ?>/css/guwen.css">
<link rel="icon" href="<?cs var:App.Static ?>/favicon.svg" type="image/svg+xml">
</head>
<body class="<?cs if:User.Name ?>staff<?cs else ?>public<?cs /if ?>">
<a class="skip" href="#main"><?cs var:L.SkipToMain ?></a>
<header class="top">
  <a class="brand" href="<?cs if:User.Name ?><?cs var:URL.home ?>/<?cs else ?>#main<?cs /if ?>"><span class="logo" aria-hidden="true">顾</span><span><?cs var:L.AppName ?><small><?cs var:L.AppTag ?></small></span></a>
<?cs if:User.Name ?>
  <nav class="main-nav" aria-label="<?cs var:L.Nav.Menu ?>">
<?cs # the entries the user may see (lib/programs.c: gw_programs) ?><?cs each:n = Nav ?>    <a href="<?cs var:n.href ?>"<?cs if:Page.Nav == n.name ?> aria-current="page"<?cs /if ?>><?cs var:L.Nav[n.word] ?></a>
<?cs /each ?>  </nav>
  <details class="user-menu">
    <summary><span class="avatar" aria-hidden="true"><?cs var:string.slice(User.Name, 0, 3) ?></span><span class="who"><?cs var:User.Name ?><small><?cs var:L.Role[User.Role] ?><?cs if:User.Dept ?> · <?cs var:User.Dept ?><?cs /if ?></small></span></summary>
    <div class="menu" role="menu">
      <a role="menuitem" href="<?cs var:URL.login ?>/password"><?cs var:L.User.Password ?></a>
      <form method="post" action="<?cs var:URL.home ?>/lang"><?cs call:csrf() ?><input type="hidden" name="lang" value="<?cs var:L.User.SwitchLang ?>"><button type="submit" class="linklike" lang="<?cs var:L.User.SwitchLang ?>"><?cs var:L.User.Language ?>: <?cs var:L.User.Switch ?></button></form>
      <form method="post" action="<?cs var:URL.login ?>/logout"><?cs call:csrf() ?><button type="submit" class="linklike"><?cs var:L.User.Logout ?></button></form>
    </div>
  </details>
<?cs elif:Portal.Switch ?>
  <nav class="lang-switch" aria-label="<?cs var:L.Portal.Language ?>"><?cs
    if:Lang == "en" ?><a href="<?cs var:URL.portal ?>/lang?to=zh-CN&amp;next=<?cs var:url_escape(Page.Path) ?>" lang="zh-CN" hreflang="zh-CN" id="lang-zh">中文</a> <span aria-current="true">English</span><?cs
    else ?><span aria-current="true">中文</span> <a href="<?cs var:URL.portal ?>/lang?to=en&amp;next=<?cs var:url_escape(Page.Path) ?>" lang="en" hreflang="en" id="lang-en">English</a><?cs /if ?></nav>
<?cs /if ?>
</header>
<main id="main" tabindex="-1">
<?cs if:Flash ?><div class="alert alert-<?cs if:Flash == "failed_attempts" ?>warn<?cs else ?>ok<?cs /if ?>" role="status"><?cs var:L.Flash[Flash] ?></div><?cs /if ?>
<?cs include:Page.Template ?>
</main>
<?cs if:!User.Name && (Centre.Phone || Centre.HoursZh || Centre.HoursEn) ?><aside class="centre-contact" id="centre-contact" aria-label="<?cs var:L.Portal.Contact.Title ?>"><?cs
  if:Centre.Phone ?><span><?cs var:L.Portal.Contact.Phone ?>: <a href="tel:<?cs var:Centre.Phone ?>" id="centre-phone"><?cs if:Lang == "en" ?><?cs var:Centre.PhoneEn ?><?cs else ?><?cs var:Centre.PhoneZh ?><?cs /if ?></a></span><?cs /if ?><?cs
  if:Lang == "en" && Centre.HoursEn ?> <span id="centre-hours"><?cs var:L.Portal.Contact.Hours ?>: <?cs var:Centre.HoursEn ?></span><?cs
  elif:Lang != "en" && Centre.HoursZh ?> <span id="centre-hours"><?cs var:L.Portal.Contact.Hours ?>: <?cs var:Centre.HoursZh ?></span><?cs /if ?></aside><?cs /if ?>
<footer class="foot"><span><?cs var:L.AppName ?></span> · <span>guwen</span></footer>
</body>
</html>
