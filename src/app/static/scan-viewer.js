/*
 * Scan pages on the document page, made zoomable. The server renders each scan's page as an image
 * with previous/next links and a page form, which work without this script. Here, once the scan is
 * on screen, the image is replaced by an OpenSeadragon viewer reading our IIIF level-0 tiles, with
 * zoom buttons, and the page links change the page in place (the address follows, so it can be shared).
 */
(() => {
  function setUp(root) {
    const OSD = window.OpenSeadragon;
    if (!OSD || root.dataset.scanReady) return;
    let pages;
    try {
      pages = JSON.parse(root.dataset.pages || '[]');
    } catch {
      return;
    }
    if (pages.length === 0) return;
    const zoom = root.querySelector('[data-scan-zoom]');
    const image = root.querySelector('[data-scan-image]');
    const imageBox = image ? image.closest('a') : null;
    if (!zoom) return;
    root.dataset.scanReady = 'true';

    let index = Math.max(
      0,
      pages.findIndex((p) => String(p.page) === root.dataset.current),
    );

    const toolbar = document.createElement('div');
    toolbar.className = 'scan-viewer__tools';
    toolbar.setAttribute('role', 'group');
    toolbar.setAttribute('aria-label', 'Zoom');
    const tool = (label, text, action) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'scan-viewer__tool';
      button.textContent = text;
      button.setAttribute('aria-label', label);
      button.title = label;
      button.addEventListener('click', action);
      toolbar.appendChild(button);
      return button;
    };

    zoom.hidden = false;
    zoom.setAttribute('role', 'region');
    zoom.setAttribute('aria-label', 'Zoomable page image: drag to move, use the buttons or + and - to zoom');
    if (imageBox) imageBox.hidden = true;

    const viewer = OSD({
      element: zoom,
      tileSources: pages.map((p) => p.info),
      sequenceMode: true,
      initialPage: index,
      preserveViewport: false,
      showNavigationControl: false,
      showSequenceControl: false,
      showNavigator: false,
      drawer: 'canvas',
      crossOriginPolicy: false,
      visibilityRatio: 0.5,
      minZoomImageRatio: 0.8,
      maxZoomPixelRatio: 2,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
    });
    root.scanViewer = viewer;
    zoom.parentNode.insertBefore(toolbar, zoom);
    tool('Zoom in', '+', () => viewer.viewport.zoomBy(1.5));
    tool('Zoom out', '−', () => viewer.viewport.zoomBy(1 / 1.5));
    tool('Fit the page', 'Fit', () => viewer.viewport.goHome());
    tool('Rotate the page', '⟳', () =>
      viewer.viewport.setRotation((viewer.viewport.getRotation() + 90) % 360),
    );

    viewer.addHandler('open', () => {
      root.dataset.scanOpened = String(pages[index].page);
    });
    viewer.addHandler('open-failed', () => {
      // Tiles could not be read: the plain page image is still there to show.
      zoom.hidden = true;
      toolbar.hidden = true;
      if (imageBox) imageBox.hidden = false;
    });

    const caption = root.querySelector('[data-scan-caption]');
    const input = root.querySelector('[data-scan-page-input]');
    const last = pages[pages.length - 1].page;

    function show(newIndex, updateAddress) {
      if (newIndex < 0 || newIndex >= pages.length) return;
      index = newIndex;
      const page = pages[index];
      if (viewer.currentPage() !== index) viewer.goToPage(index);
      root.dataset.current = String(page.page);
      if (caption) caption.textContent = `Page ${page.page} of ${last}`;
      if (input) input.value = String(page.page);
      if (image) {
        image.src = page.image;
        image.alt = image.alt.replace(/^Page \d+/, `Page ${page.page}`);
      }
      for (const link of root.querySelectorAll('a[data-scan-image-link]')) link.href = page.image;
      for (const step of root.querySelectorAll('[data-scan-step]')) {
        const target = pages[index + Number(step.dataset.scanStep)];
        if (target && step.tagName === 'A') step.href = target.href;
        step.classList.toggle('scan-viewer__step--off', !target);
        step.setAttribute('aria-disabled', target ? 'false' : 'true');
      }
      if (updateAddress && root.closest('.version:not([hidden])')) {
        history.replaceState(history.state, '', page.href);
      }
    }

    root.addEventListener('click', (event) => {
      const step = event.target.closest('[data-scan-step]');
      if (!step || !root.contains(step)) return;
      event.preventDefault();
      show(index + Number(step.dataset.scanStep), true);
    });
    const form = root.querySelector('form');
    if (form && input) {
      form.addEventListener('submit', (event) => {
        const wanted = pages.findIndex((p) => String(p.page) === input.value.trim());
        if (wanted === -1) return; // the server answers with the first page
        event.preventDefault();
        show(wanted, true);
      });
    }
    show(index, false);
  }

  /** A viewer in a hidden version tab is made when the tab is first shown (it needs its size). */
  function watch(root) {
    if (typeof ResizeObserver !== 'function') {
      setUp(root);
      return;
    }
    const observer = new ResizeObserver(() => {
      if (root.offsetWidth > 0) {
        observer.disconnect();
        setUp(root);
      }
    });
    observer.observe(root);
  }

  function start() {
    for (const root of document.querySelectorAll('[data-scan-viewer]')) watch(root);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
