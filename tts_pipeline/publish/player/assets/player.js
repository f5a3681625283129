/*! tts-pipeline read-along player | MIT License */
(() => {
  'use strict';

  // Captured now: document.currentScript is null once the script has run.
  const SCRIPT_SRC = (document.currentScript && document.currentScript.src) || '';
  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const SKIP_SECONDS = 10;
  const RESTART_SENTENCE_AFTER = 1.5; // "previous" within this many seconds goes to the sentence before
  const POLL_MS = 1500;
  const POLL_FOR_MS = 10 * 60 * 1000;
  const SAVE_EVERY_MS = 5000;
  const PROGRESS_MARKS = [25, 50, 75];
  const PARAGRAPH_TAGS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,figcaption,dd,dt,td,th,pre';
  const SKIPPED = '.tts-player,script,style,noscript,template';
  const BLOCKS = 'address,article,aside,blockquote,details,div,dl,fieldset,figure,footer,form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,ul';
  const NOT_FOR_SEEKING = 'a,button,input,select,textarea,label,summary,audio,video';
  const SCROLL_KEYS = ['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'];
  const FINE_STATUSES = ['ok', 'noise'];
  const HAS_HIGHLIGHTS = typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';
  const HIGHLIGHTS = {};
  let highlightOwner = null; // the player whose sentence is shown (one registry serves every player)
  let sessionOwner = null; // the player the lock screen controls

  const ICONS = {
    play: '<path d="M8 5v14l11-7z"/>',
    pause: '<path d="M6 5h4v14H6zm8 0h4v14h-4z"/>',
    prev: '<path d="M6 6h2v12H6zm3.5 6 8.5 6V6z"/>',
    next: '<path d="M16 6h2v12h-2zM6 18l8.5-6L6 6z"/>',
    // A circular arrow around "10", drawn with strokes (no font needed).
    back: '<path d="M12 1.5v7L7.5 5z"/><path d="M12 5a7 7 0 1 1-7 7m4.6-2.5v5m2.6-5h2.8v5h-2.8z" fill="none" stroke="currentColor" stroke-width="1.4"/>',
    forward: '<path d="M12 1.5v7L16.5 5z"/><path d="M12 5a7 7 0 1 0 7 7m-9.4-2.5v5m2.6-5h2.8v5h-2.8z" fill="none" stroke="currentColor" stroke-width="1.4"/>',
    download: '<path d="M5 19h14v2H5zM11 3h2v9l3.5-3.5 1.4 1.4L12 15.8 6.1 9.9l1.4-1.4L11 12z"/>',
  };
  const icon = (name) => `<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="currentColor">${ICONS[name]}</svg>`;

  // ---- Text normalisation: the same as readalong.py, one output unit traced back to its DOM position ----

  const SAME_CHARACTER = {};
  for (const c of '\u2018\u2019\u201a\u201b\u2032\u02bc') SAME_CHARACTER[c] = "'";
  for (const c of '\u201c\u201d\u201e\u201f\u2033') SAME_CHARACTER[c] = '"';
  for (const c of '\u2013\u2014\u2012\u2015\u2212') SAME_CHARACTER[c] = '-';
  const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
  const SPACE = /[\s\x1c-\x1f\x85]/; // Python's \s: JavaScript's plus these

  // NFC can merge characters, so each unit of the result keeps the [start, end) it came from.
  function nfcWithSpans(data) {
    const nfc = data.normalize('NFC');
    if (nfc === data) return { nfc, starts: null, ends: null };
    const starts = [];
    const ends = [];
    let joined = '';
    for (const m of data.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
      const part = m[0].normalize('NFC');
      for (let i = 0; i < part.length; i++) { starts.push(m.index); ends.push(m.index + m[0].length); }
      joined += part;
    }
    if (joined !== nfc) { // composition across clusters (rare, e.g. Hangul jamo): spread evenly
      starts.length = ends.length = 0;
      for (let i = 0; i < nfc.length; i++) {
        starts.push(Math.floor((i * data.length) / nfc.length));
        ends.push(Math.ceil(((i + 1) * data.length) / nfc.length));
      }
    }
    return { nfc, starts, ends };
  }

  /** The element's text nodes, split into runs at each <br> (a CMS often writes paragraphs that way). */
  function textRuns(el) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.nodeType === Node.TEXT_NODE || n.nodeName === 'BR' ? NodeFilter.FILTER_ACCEPT
        : n.matches(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP,
    });
    const runs = [[]];
    while (walker.nextNode()) {
      if (walker.currentNode.nodeName === 'BR') runs.push([]);
      else runs[runs.length - 1].push(walker.currentNode);
    }
    return runs;
  }

  /** Normalised text of these text nodes and, with withMap, map[i] = [textNode, start, end] for unit i. */
  function readNodes(nodes, withMap) {
    let text = '';
    const map = withMap ? [] : null;
    let pendingSpace = null; // the first whitespace of a run, written only if text follows it
    for (const node of nodes) {
      const { nfc, starts, ends } = nfcWithSpans(node.data);
      for (let i = 0; i < nfc.length; i++) {
        const ch = nfc[i];
        if (INVISIBLE.test(ch)) continue;
        const where = [node, starts ? starts[i] : i, ends ? ends[i] : i + 1];
        if (SPACE.test(ch)) { pendingSpace = pendingSpace || where; continue; }
        if (pendingSpace && text) { text += ' '; if (map) map.push(pendingSpace); }
        pendingSpace = null;
        text += SAME_CHARACTER[ch] || ch;
        if (map) map.push(where);
      }
    }
    return { text, map };
  }

  const readText = (el, withMap) => readNodes(textRuns(el).flat(), withMap);

  function textHash(text) { // FNV-1a 32-bit over UTF-16 code units
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(16).padStart(8, '0');
  }

  // ---- Finding the narrated paragraphs on the page ----

  /** Map paragraph index -> {el, text, map}: explicit markers first, then candidates by text hash. */
  function findParagraphs(root, paragraphs) {
    const found = new Map();
    const hashOf = new Map(paragraphs.map((p) => [p.index, p.hash]));
    for (const el of root.querySelectorAll('[data-tts-paragraph]')) {
      const n = Number(el.getAttribute('data-tts-paragraph'));
      if (!hashOf.has(n) || found.has(n) || el.closest(SKIPPED)) continue;
      const read = readText(el, true);
      if (textHash(read.text) === hashOf.get(n)) found.set(n, { el, ...read });
    }
    const used = [...found.values()].map((m) => m.el);
    const candidates = [];
    for (const el of root.querySelectorAll(`${PARAGRAPH_TAGS},div`)) {
      if (el.nodeName === 'DIV' && el.querySelector(BLOCKS)) continue; // a div holding only text is a paragraph too
      if (el.closest(SKIPPED) || used.some((u) => u.contains(el) || el.contains(u))) continue;
      const candidate = { el, hash: textHash(readText(el, false).text) };
      // Prefer the innermost: an element holding a candidate with the same text gives way to it.
      for (const outer of candidates) if (outer.hash === candidate.hash && outer.el.contains(el)) outer.outer = true;
      candidates.push(candidate);
    }
    const byHash = new Map();
    for (const c of candidates) {
      if (c.outer) continue;
      if (!byHash.has(c.hash)) byHash.set(c.hash, []);
      byHash.get(c.hash).push(c.el);
    }
    for (const p of paragraphs) {
      const el = !found.has(p.index) && byHash.has(p.hash) && byHash.get(p.hash).shift();
      if (el) found.set(p.index, { el, ...readText(el, true) });
    }
    // Last, paragraphs written as runs of text between <br>s inside one element.
    const left = paragraphs.filter((p) => !found.has(p.index));
    if (left.length) {
      const runsByHash = new Map();
      for (const c of candidates) {
        if (!c.el.querySelector('br')) continue;
        for (const nodes of textRuns(c.el)) {
          const hash = textHash(readNodes(nodes, false).text);
          if (!runsByHash.has(hash)) runsByHash.set(hash, []);
          runsByHash.get(hash).push({ el: c.el, nodes });
        }
      }
      for (const p of left) {
        const run = runsByHash.has(p.hash) && runsByHash.get(p.hash).shift();
        if (run) found.set(p.index, { el: run.el, ...readNodes(run.nodes, true) });
      }
    }
    return found;
  }

  function rangeIn(match, from, to) {
    if (!match || !(from >= 0) || !(to > from)) return null;
    const last = match.map[Math.min(to, match.map.length) - 1];
    const first = match.map[from];
    if (!first || !last) return null;
    try {
      const range = document.createRange();
      range.setStart(first[0], first[1]);
      range.setEnd(last[0], last[2]);
      return range;
    } catch (e) { return null; } // the page changed its text since we read it
  }

  // ---- Small helpers ----

  const clock = (seconds) => {
    const s = Math.max(0, Math.floor(seconds || 0));
    const mm = String(Math.floor(s / 60) % 60);
    const ss = String(s % 60).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
  };
  const storage = {
    get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode, quota */ } },
    remove(key) { try { localStorage.removeItem(key); } catch (e) { /* as above */ } },
  };
  const make = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text != null) el.textContent = text;
    return el;
  };
  const isTyping = (el) => !!el && (el.isContentEditable || (el.matches && el.matches('textarea,select,input:not([type=range],[type=button],[type=checkbox],[type=radio],[type=submit],[type=reset])')));
  let uid = 0;

  // ---- One player ----

  class Player {
    constructor(el, audio) {
      this.el = el;
      this.audio = audio;
      this.sentences = [];
      this.matches = new Map();
      this.data = null;
      this.current = -1;
      this.word = -1;
      this.following = true;
      this.frame = 0;
      this.progressSeen = new Set();
      this.lastSave = 0;
      this.shownSecond = -1;
      this.storageKey = 'tts-position:' + (el.getAttribute('data-tts-id') || audio.getAttribute('src') || audio.currentSrc);
      this.build();
      this.listen();
      this.loadData();
      if (audio.readyState >= 1) this.restorePosition();
      this.update();
    }

    build() {
      const a = this.audio;
      const id = `tts-speed-${++uid}`;
      a.controls = false;
      // Cues load for the page's scripts, nothing is drawn (file:// pages cannot load them at all).
      if (location.protocol !== 'file:') for (const track of a.textTracks) if (track.mode === 'disabled') track.mode = 'hidden';
      const ui = make('div', 'tts-controls');
      ui.innerHTML = `<button type="button" class="tts-button tts-play" data-tts-action="play" aria-label="Play">${icon('play')}</button>
<button type="button" class="tts-button tts-back" data-tts-action="back" aria-label="Back 10 seconds">${icon('back')}</button>
<button type="button" class="tts-button tts-prev" data-tts-action="prev" aria-label="Previous sentence">${icon('prev')}</button>
<button type="button" class="tts-button tts-next" data-tts-action="next" aria-label="Next sentence">${icon('next')}</button>
<button type="button" class="tts-button tts-forward" data-tts-action="forward" aria-label="Forward 10 seconds">${icon('forward')}</button>
<input type="range" class="tts-seek" min="0" max="0" step="0.1" value="0" aria-label="Seek">
<span class="tts-time"><span class="tts-elapsed">0:00</span> / <span class="tts-total">0:00</span></span>
<button type="button" class="tts-button tts-speed" data-tts-action="speed" aria-label="Playback speed" aria-describedby="${id}"><span id="${id}" hidden>1×</span></button>
<a class="tts-button tts-download" download aria-label="Download MP3" title="Download MP3">${icon('download')}<span>MP3</span></a>
<span class="tts-trust" hidden></span>
<button type="button" class="tts-button tts-follow" data-tts-action="follow" hidden>Follow along</button>
<span class="tts-sr" aria-live="polite"></span>`;
      const find = (selector) => ui.querySelector(selector);
      this.ui = {
        play: find('.tts-play'), seek: find('.tts-seek'), elapsed: find('.tts-elapsed'), total: find('.tts-total'),
        speed: find(`#${id}`), download: find('.tts-download'), trust: find('.tts-trust'), follow: find('.tts-follow'),
        live: find('.tts-sr'),
      };
      const source = a.querySelector('source[src]');
      const fallbackLink = a.querySelector('a[href]');
      const href = a.getAttribute('src') || (source && source.getAttribute('src')) || (fallbackLink && fallbackLink.getAttribute('href'));
      if (href) this.ui.download.setAttribute('href', href);
      else this.ui.download.hidden = true;
      this.el.appendChild(ui);
      const saved = Number(storage.get('tts-speed'));
      if (SPEEDS.includes(saved) && saved !== 1) a.playbackRate = a.defaultPlaybackRate = saved;
      this.showSpeed();
    }

    listen() {
      const a = this.audio;
      const ui = this.ui;
      this.el.querySelector('.tts-controls').addEventListener('click', (e) => {
        const button = e.target.closest('[data-tts-action]');
        if (button) this.act(button.getAttribute('data-tts-action'));
      });
      ui.seek.addEventListener('input', () => this.seekTo(Number(ui.seek.value)));
      ui.seek.addEventListener('pointerdown', () => { this.scrubbing = true; });
      ui.seek.addEventListener('change', () => { this.scrubbing = false; });
      addEventListener('pointerup', () => { this.scrubbing = false; });
      this.el.addEventListener('keydown', (e) => this.onKey(e));

      a.addEventListener('play', () => this.onPlay());
      a.addEventListener('pause', () => {
        cancelAnimationFrame(this.frame);
        this.savePosition();
        this.update();
        this.dispatch('tts:pause', { currentTime: a.currentTime });
      });
      a.addEventListener('ended', () => {
        storage.remove(this.storageKey);
        this.dispatch('tts:progress', { percent: 100 });
        this.progressSeen.clear();
        this.dispatch('tts:ended', { currentTime: a.currentTime });
      });
      for (const type of ['timeupdate', 'seeked', 'durationchange']) a.addEventListener(type, () => { if (a.paused) this.update(); });
      a.addEventListener('loadedmetadata', () => { this.restorePosition(); this.update(); });
      a.addEventListener('ratechange', () => this.showSpeed());
      addEventListener('pagehide', () => { if (!a.paused) this.savePosition(); });

      // The listener scrolling by hand stops the page following the narration.
      const stopFollowing = () => {
        if (!this.following || !this.matches.size) return;
        this.following = false;
        ui.follow.hidden = false;
      };
      addEventListener('wheel', stopFollowing, { passive: true });
      addEventListener('touchmove', stopFollowing, { passive: true });
      document.addEventListener('keydown', (e) => {
        if (SCROLL_KEYS.includes(e.key) && !this.el.contains(e.target) && !isTyping(e.target)) stopFollowing();
      });
      document.addEventListener('click', (e) => this.onTextClick(e));
    }

    // ---- Actions ----

    act(action) {
      const a = this.audio;
      if (action === 'play') this.toggle();
      else if (action === 'back') this.seekTo(a.currentTime - SKIP_SECONDS);
      else if (action === 'forward') this.seekTo(a.currentTime + SKIP_SECONDS);
      else if (action === 'prev') this.step(-1);
      else if (action === 'next') this.step(1);
      else if (action === 'speed') this.setSpeed(SPEEDS[(SPEEDS.indexOf(a.playbackRate) + 1) % SPEEDS.length]);
      else if (action === 'follow') this.resumeFollowing();
    }

    toggle() { if (this.audio.paused) this.play(); else this.audio.pause(); }

    play() {
      const playing = this.audio.play();
      if (playing) playing.catch(() => { /* blocked autoplay or interrupted: the button still says Play */ });
    }

    duration() {
      const d = this.audio.duration;
      return Number.isFinite(d) && d > 0 ? d : (this.data && Number(this.data.duration)) || 0;
    }

    seekTo(seconds) {
      const d = this.duration();
      const t = Math.max(0, d ? Math.min(seconds, d) : seconds);
      if (!Number.isFinite(t)) return;
      try { this.audio.currentTime = t; } catch (e) { return; } // no media yet
      this.update();
      this.updateMediaPosition();
    }

    step(direction) {
      const list = this.sentences;
      if (!list.length) return this.seekTo(this.audio.currentTime + direction * SKIP_SECONDS);
      const t = this.audio.currentTime;
      const i = this.sentenceAt(t);
      if (direction < 0) {
        const target = i >= 0 && t - list[i].start > RESTART_SENTENCE_AFTER ? i : i - 1;
        this.seekTo(target >= 0 ? list[target].start : 0);
      } else if (i + 1 < list.length) {
        this.seekTo(list[i + 1].start);
      }
    }

    setSpeed(rate) {
      this.audio.playbackRate = rate;
      this.audio.defaultPlaybackRate = rate;
      this.ui.live.textContent = `Speed ${rate}×`;
      storage.set('tts-speed', String(rate));
    }

    showSpeed() {
      const label = `${this.audio.playbackRate}×`;
      this.ui.speed.textContent = label; // the description; the visible value is CSS content (label in name)
      this.ui.speed.parentNode.setAttribute('data-tts-rate', label);
      this.updateMediaPosition();
    }

    resumeFollowing() {
      this.following = true;
      this.ui.follow.hidden = true;
      if (this.current >= 0) this.follow(this.sentences[this.current], true);
    }

    onKey(e) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      const onButton = e.target.matches && e.target.matches('button,a[href]');
      const key = e.key;
      let run;
      if ((key === ' ' && !onButton) || key === 'k' || key === 'K') run = () => this.toggle();
      else if (key === 'ArrowLeft' || key === 'ArrowRight') { // on the slider too: its 0.1 s step is too fine
        const direction = key === 'ArrowLeft' ? -1 : 1;
        run = e.shiftKey ? () => this.step(direction) : () => this.seekTo(this.audio.currentTime + direction * SKIP_SECONDS);
      } else if (key === '[' || key === ']') {
        const i = SPEEDS.indexOf(this.audio.playbackRate);
        const next = i < 0 ? SPEEDS.indexOf(1) : Math.max(0, Math.min(SPEEDS.length - 1, i + (key === '[' ? -1 : 1)));
        run = () => this.setSpeed(SPEEDS[next]);
      }
      if (!run) return;
      e.preventDefault();
      run();
    }

    onTextClick(e) {
      if (e.button !== 0 || e.defaultPrevented || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const target = e.target;
      if (!this.sentences.length || !(target instanceof Element) || target.closest(NOT_FOR_SEEKING)) return;
      // On a publisher's page a click on the text plays only once the listener has started the player.
      if (!this.everPlayed && !document.body.classList.contains('tts-page')) return;
      if (target.closest(SKIPPED) || target.isContentEditable) return;
      const selection = getSelection();
      if (selection && !selection.isCollapsed && selection.toString().trim()) return; // the listener is selecting text
      let paragraph = -1;
      let offset = -1;
      let holder = null;
      for (const [n, m] of this.matches) { // the innermost matched text under the pointer
        if (!m.el.contains(target) || (holder && !holder.contains(m.el))) continue;
        const at = this.offsetAtPoint(m, e.clientX, e.clientY);
        if (at >= 0) { paragraph = n; offset = at; holder = m.el; }
      }
      if (paragraph < 0) return;
      let chosen = null;
      let first = null;
      for (const s of this.sentences) {
        if (s.paragraph !== paragraph || !(s.to > s.from)) continue;
        if (!first || s.from < first.from) first = s;
        if (s.from <= offset && (!chosen || s.from > chosen.from)) chosen = s;
      }
      chosen = chosen || first;
      if (!chosen) return;
      this.seekTo(chosen.start);
      this.play();
    }

    /** The normalised offset in match's text under the pointer, or -1. */
    offsetAtPoint(match, x, y) {
      let node = null;
      let offset = 0;
      if (document.caretPositionFromPoint) {
        const p = document.caretPositionFromPoint(x, y);
        if (p) { node = p.offsetNode; offset = p.offset; }
      } else if (document.caretRangeFromPoint) {
        const r = document.caretRangeFromPoint(x, y);
        if (r) { node = r.startContainer; offset = r.startOffset; }
      }
      let best = -1;
      for (let i = 0; i < match.map.length; i++) {
        const [n, , end] = match.map[i];
        if (n !== node) continue;
        best = i;
        if (end > offset) break;
      }
      return best;
    }

    onPlay() {
      this.everPlayed = true;
      for (const other of players) if (other !== this && !other.audio.paused) other.audio.pause();
      this.following = true;
      this.ui.follow.hidden = true;
      this.claimMediaSession();
      this.dispatch('tts:play', { currentTime: this.audio.currentTime });
      if (this.current >= 0) this.follow(this.sentences[this.current], false);
      const tick = () => {
        this.update();
        if (!this.audio.paused) this.frame = requestAnimationFrame(tick);
      };
      cancelAnimationFrame(this.frame);
      tick();
    }

    // ---- Read-along state ----

    sentenceAt(t) { // the last sentence started by t (kept through the pause after it), or -1
      const list = this.sentences;
      let lo = 0;
      let hi = list.length - 1;
      let found = -1;
      t += 0.001; // seeking to a start can land a hair before it
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      return found;
    }

    update() {
      const a = this.audio;
      const t = a.currentTime || 0;
      this.showTime(t);
      const i = this.sentenceAt(t);
      if (i !== this.current) { this.setSentence(i); this.word = -2; }
      let w = -1;
      if (i >= 0) {
        const words = this.sentences[i].words;
        for (let k = 0; k < words.length && words[k][0] <= t + 0.001; k++) w = k;
      }
      if (w !== this.word) this.setWord(w);
      if (!a.paused) {
        this.reportProgress(t);
        if (Date.now() - this.lastSave > SAVE_EVERY_MS) this.savePosition();
      }
      const playing = !a.paused;
      if (this.shownPlaying !== playing) {
        this.shownPlaying = playing;
        this.ui.play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
        this.ui.play.innerHTML = icon(playing ? 'pause' : 'play');
        this.el.toggleAttribute('data-tts-playing', playing);
      }
    }

    showTime(t) {
      const d = this.duration();
      const seek = this.ui.seek;
      if (seek.max !== String(d)) seek.max = String(d);
      if (!this.scrubbing && Math.abs(Number(seek.value) - t) >= 0.05) seek.value = String(t);
      const second = Math.floor(t) * 1e6 + Math.floor(d);
      if (second === this.shownSecond) return;
      this.shownSecond = second;
      this.ui.elapsed.textContent = clock(t);
      this.ui.total.textContent = clock(d);
      seek.setAttribute('aria-valuetext', `${clock(t)} of ${clock(d)}`);
    }

    setSentence(i) {
      const previous = this.sentences[this.current];
      this.current = i;
      const s = this.sentences[i];
      const match = s && this.matches.get(s.paragraph);
      if (s) this.el.setAttribute('data-tts-current', s.id);
      else this.el.removeAttribute('data-tts-current');
      if (HAS_HIGHLIGHTS) {
        const range = s && rangeIn(match, s.from, s.to);
        if (range || highlightOwner === this) HIGHLIGHTS.sentence.clear();
        if (range) { HIGHLIGHTS.sentence.add(range); highlightOwner = this; }
      } else {
        const before = previous && this.matches.get(previous.paragraph);
        if (before) before.el.classList.remove('tts-current');
        if (match) match.el.classList.add('tts-current');
      }
      if (!s) return;
      this.follow(s, false);
      this.dispatch('tts:sentence', { paragraph: s.paragraph, sentence: s.sentence, start: s.start, end: s.end });
    }

    setWord(w) {
      this.word = w;
      const s = this.sentences[this.current];
      const word = s && s.words[w];
      if (word) this.el.setAttribute('data-tts-word', String(w));
      else this.el.removeAttribute('data-tts-word');
      if (!HAS_HIGHLIGHTS) return;
      const range = word && rangeIn(this.matches.get(s.paragraph), word[2], word[3]);
      if (range || highlightOwner === this) HIGHLIGHTS.word.clear();
      if (range) HIGHLIGHTS.word.add(range);
    }

    /** Scroll the sentence to the middle of the window if it is out of sight (while playing, or forced). */
    follow(s, force) {
      const match = this.matches.get(s.paragraph);
      if (!match || !this.following || (this.audio.paused && !force)) return;
      const range = rangeIn(match, s.from, s.to);
      const box = (range || match.el).getBoundingClientRect();
      if (!box.width && !box.height) return; // hidden
      const playerBox = this.el.getBoundingClientRect();
      const sticky = /sticky|fixed/.test(getComputedStyle(this.el).position) && playerBox.top < innerHeight / 2;
      const top = sticky ? playerBox.bottom : 0;
      if (box.top >= top && box.bottom <= innerHeight) return;
      const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
      if (match.el.getBoundingClientRect().height < innerHeight * 0.6) match.el.scrollIntoView({ block: 'center', behavior });
      else scrollBy({ top: box.top - innerHeight / 2 + box.height / 2, behavior }); // a long paragraph: centre the sentence
    }

    reportProgress(t) {
      const d = this.duration();
      if (!d) return;
      for (const mark of PROGRESS_MARKS) {
        if ((100 * t) / d >= mark && !this.progressSeen.has(mark)) {
          this.progressSeen.add(mark);
          this.dispatch('tts:progress', { percent: mark });
        }
      }
    }

    dispatch(name, detail) {
      this.el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
    }

    savePosition() {
      this.lastSave = Date.now();
      const t = this.audio.currentTime;
      if (t > 0 && !this.audio.ended) storage.set(this.storageKey, t.toFixed(1));
    }

    restorePosition() {
      if (this.restored) return;
      this.restored = true;
      const saved = Number(storage.get(this.storageKey));
      const d = this.audio.duration;
      if (saved > 3 && Number.isFinite(d) && saved < d - 5 && this.audio.currentTime < 1) this.seekTo(saved);
    }

    // ---- Data ----

    loadData() {
      const inline = this.el.querySelector('script.tts-data');
      if (inline) {
        try { this.setData(JSON.parse(inline.textContent)); } catch (e) { /* broken data: plays without read-along */ }
        return;
      }
      const src = this.el.getAttribute('data-tts-src');
      if (src == null || location.protocol === 'file:') return; // file:// cannot fetch
      let url;
      try { url = new URL('readalong.json', new URL(src, location.href)); } catch (e) { return; }
      const pending = this.el.hasAttribute('data-tts-pending');
      const giveUpAt = Date.now() + POLL_FOR_MS;
      if (pending) this.showTrust('Checking the narration…', 'pending');
      // While pending, 404 (or 202/204, which a server can send to keep the console quiet) means "not yet".
      const NOT_YET = [202, 204, 404];
      const attempt = () => fetch(url, { cache: pending ? 'no-store' : 'default' })
        .then((r) => { if (!r.ok || NOT_YET.includes(r.status)) throw r; return r.json(); })
        .then((data) => this.setData(data))
        .catch((failure) => {
          const retry = pending && Date.now() < giveUpAt && !(failure instanceof Response && !NOT_YET.includes(failure.status));
          if (retry) setTimeout(attempt, POLL_MS);
          else if (pending) this.showTrust('', null);
        });
      attempt();
    }

    setData(data) {
      if (!data || typeof data !== 'object' || !Array.isArray(data.paragraphs)) return;
      const paragraphs = data.paragraphs
        .map((p, i) => p && typeof p.hash === 'string' && { index: Number.isInteger(p.index) ? p.index : i, hash: p.hash })
        .filter(Boolean);
      const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
      this.sentences = (Array.isArray(data.sentences) ? data.sentences : [])
        .filter((s) => s && isNumber(s.start) && isNumber(s.end))
        .map((s) => ({
          ...s,
          id: s.id || `p${s.paragraph}s${s.sentence}`,
          words: Array.isArray(s.words) ? s.words.filter((w) => Array.isArray(w) && w.length >= 4 && w.every(isNumber)) : [],
        }))
        .sort((x, y) => x.start - y.start);
      this.data = data;
      let root = null;
      try { root = document.querySelector(this.el.getAttribute('data-tts-article') || 'body'); } catch (e) { /* bad selector */ }
      this.matches = findParagraphs(root || document.body, paragraphs);
      this.el.setAttribute('data-tts-matched', `${this.matches.size}/${data.paragraphs.length}`);
      const faults = Array.isArray(data.faults) ? data.faults.filter((f) => f && typeof f === 'object') : [];
      if (data.verdict === 'pass') {
        const wer = Number(data.wer);
        this.showTrust('✓ Checked against the text', 'pass',
          Number.isFinite(wer) ? `Whisper heard the article with a word error rate of ${(wer * 100).toFixed(1)}%` : '');
      } else if (data.verdict === 'fail') {
        const n = faults.length;
        this.showTrust(n ? `Not verified: ${n} fault${n === 1 ? '' : 's'}` : 'Not verified', 'fail');
        this.markFaults(faults);
      } else {
        this.showTrust('', null);
      }
      this.showFaultList(faults);
      this.claimMediaSession(true);
      this.current = -2; // redraw the sentence even if its index is unchanged
      this.word = -2;
      this.update();
      this.el.setAttribute('data-tts-ready', '');
    }

    showTrust(text, verdict, title) {
      const trust = this.ui.trust;
      trust.textContent = text;
      trust.hidden = !text;
      if (title) trust.title = title;
      else trust.removeAttribute('title');
      if (verdict) this.el.setAttribute('data-tts-verdict', verdict);
      else this.el.removeAttribute('data-tts-verdict');
    }

    markFaults(faults) {
      const bad = this.sentences.filter((s) => !FINE_STATUSES.includes(s.status));
      if (HAS_HIGHLIGHTS) {
        for (const s of bad) {
          const range = rangeIn(this.matches.get(s.paragraph), s.from, s.to);
          if (range) HIGHLIGHTS.fault.add(range);
        }
        return;
      }
      for (const n of [...bad.map((s) => s.paragraph), ...faults.map((f) => f.paragraph)]) {
        const match = this.matches.get(n);
        if (match) match.el.classList.add('tts-fault');
      }
    }

    showFaultList(faults) {
      if (!faults.length || document.querySelector('.tts-faults')) return; // the page rendered its own
      const section = make('section', 'tts-faults');
      section.setAttribute('aria-label', 'Faults found by verification');
      section.appendChild(make('h2', null, 'Faults found by verification'));
      const list = section.appendChild(make('ol'));
      for (const f of faults) {
        const start = Number(f.start) || 0;
        const item = list.appendChild(make('li'));
        item.appendChild(make('strong', null, String(f.kind || 'fault')));
        item.append(`, paragraph ${f.paragraph}, ${clock(start)}–${clock(f.end)}: ${f.detail || ''} `);
        const button = item.appendChild(make('button', 'tts-button', `Play from ${clock(start)}`));
        button.type = 'button';
        button.setAttribute('data-tts-seek', String(start));
      }
      this.el.after(section);
    }

    // ---- Media Session (lock screen, headset keys) ----

    claimMediaSession(metadataOnly) {
      if (!('mediaSession' in navigator) || (metadataOnly && sessionOwner && sessionOwner !== this)) return;
      if (!metadataOnly) sessionOwner = this;
      const session = navigator.mediaSession;
      const meta = (this.data && this.data.metadata) || {};
      try {
        session.metadata = new MediaMetadata({
          title: (this.data && this.data.title) || document.title,
          artist: meta.byline || '',
          album: meta.site || '',
        });
      } catch (e) { /* MediaMetadata missing */ }
      if (metadataOnly) return;
      const a = this.audio;
      const handlers = {
        play: () => this.play(),
        pause: () => a.pause(),
        seekbackward: (d) => this.seekTo(a.currentTime - ((d && d.seekOffset) || SKIP_SECONDS)),
        seekforward: (d) => this.seekTo(a.currentTime + ((d && d.seekOffset) || SKIP_SECONDS)),
        seekto: (d) => d && this.seekTo(d.seekTime),
        previoustrack: () => this.step(-1),
        nexttrack: () => this.step(1),
      };
      for (const [action, handler] of Object.entries(handlers)) {
        try { session.setActionHandler(action, handler); } catch (e) { /* action unsupported here */ }
      }
      this.updateMediaPosition();
    }

    updateMediaPosition() {
      const d = this.audio.duration;
      if (!('mediaSession' in navigator) || !Number.isFinite(d) || !navigator.mediaSession.setPositionState) return;
      try {
        navigator.mediaSession.setPositionState({ duration: d, playbackRate: this.audio.playbackRate, position: Math.min(this.audio.currentTime, d) });
      } catch (e) { /* position out of range while the media changes */ }
    }
  }

  // ---- Start ----

  const players = [];

  function injectStylesheet() {
    const has = [...document.querySelectorAll('link[rel~="stylesheet"][href]')]
      .some((link) => /(^|\/)player\.css([?#]|$)/.test(link.getAttribute('href')));
    if (has || !SCRIPT_SRC) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('player.css', SCRIPT_SRC).href;
    document.head.appendChild(link);
  }

  function playerBefore(el) { // the player a static faults list belongs to: the last one above it
    let owner = players[0];
    for (const p of players) if (p.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) owner = p;
    return owner;
  }

  function start() {
    const elements = [...document.querySelectorAll('.tts-player')].filter((el) => !el.hasAttribute('data-tts-enhanced'));
    if (!elements.length) return;
    injectStylesheet();
    if (HAS_HIGHLIGHTS && !HIGHLIGHTS.sentence) {
      HIGHLIGHTS.fault = new Highlight();
      HIGHLIGHTS.sentence = new Highlight();
      HIGHLIGHTS.word = new Highlight();
      HIGHLIGHTS.sentence.priority = 1;
      HIGHLIGHTS.word.priority = 2;
      for (const name of ['sentence', 'word', 'fault']) CSS.highlights.set(`tts-${name}`, HIGHLIGHTS[name]);
    }
    for (const el of elements) {
      const audio = el.querySelector('audio');
      if (!audio) continue;
      el.setAttribute('data-tts-enhanced', '');
      try {
        players.push(new Player(el, audio));
      } catch (e) { // something unexpected: leave the native player
        const ui = el.querySelector('.tts-controls');
        if (ui) ui.remove();
        audio.controls = true;
      }
    }
    const onlyPlayer = document.querySelectorAll('.tts-player').length === 1 ? players[0] : null;
    document.addEventListener('keydown', (e) => {
      const active = document.activeElement;
      if (onlyPlayer && (!active || active === document.body)) onlyPlayer.onKey(e);
    });
    document.addEventListener('click', (e) => {
      const button = e.target instanceof Element && e.target.closest('.tts-faults button[data-tts-seek]');
      const owner = button && playerBefore(button);
      if (!owner) return;
      owner.seekTo(Number(button.getAttribute('data-tts-seek')) || 0);
      owner.play();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
