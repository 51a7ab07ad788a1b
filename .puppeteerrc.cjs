// whatsapp-web.js depends on puppeteer, whose install step would try to download Chrome (no network
// here). We run Debian's Chromium instead; see WHATSAPP_WEB_CHROMIUM_PATH.
module.exports = { skipDownload: true };
