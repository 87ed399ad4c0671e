// fazhi 编辑器的预览：在 fazhi serve --cms 中，把正在编辑的内容交给本机的 fazhi，
// 由 fazhi 用网站自己的模板生成页面（元数据表、有效性、条文锚点都与公开页面相同）；
// 在静态网站上，用网站的样式表显示 Decap 自己的预览。这里不写任何内容规则。
(function () {
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var root = document.documentElement;
  var names = (root.getAttribute('data-fazhi-collections') || '').split(' ').filter(Boolean);
  if (root.getAttribute('data-fazhi-preview') !== 'server') {
    var css = root.getAttribute('data-fazhi-css');
    if (css) CMS.registerPreviewStyle(css);
    return;
  }
  var Preview = createClass({
    getInitialState: function () { return { html: '<p>正在生成预览……</p>' }; },
    componentDidMount: function () { this.load(); },
    componentDidUpdate: function (prev) { if (prev.entry !== this.props.entry) this.load(); },
    componentWillUnmount: function () { clearTimeout(this.timer); },
    load: function () {
      var self = this, entry = this.props.entry, collection = this.props.collection;
      clearTimeout(this.timer);
      this.timer = setTimeout(function () {
        fetch('/admin/preview', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            path: entry.get('newRecord') ? '' : (entry.get('path') || ''),
            folder: collection.get('folder') || '',
            data: entry.get('data').toJS()
          })
        }).then(function (r) { return r.text(); })
          .then(function (t) { self.setState({ html: t }); })
          .catch(function (e) { self.setState({ html: '<p>预览失败：' + String(e) + '</p>' }); });
      }, 400);
    },
    render: function () {
      return h('iframe', { srcDoc: this.state.html, title: '预览', className: 'fazhi-preview',
        style: { border: 0, width: '100%', height: '100vh', display: 'block' } });
    }
  });
  names.forEach(function (n) { CMS.registerPreviewTemplate(n, Preview); });
})();
