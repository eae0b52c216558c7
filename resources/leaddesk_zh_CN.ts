<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticlePicker</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/article_picker.py" line="29"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ArticlesView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="51"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="51"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="51"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="51"/>
        <source>Inquiries</source>
        <translation>询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="52"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="64"/>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="68"/>
        <source>Copy WhatsApp link</source>
        <translation>复制 WhatsApp 链接</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="65"/>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="69"/>
        <source>Copy email link</source>
        <translation>复制邮件链接</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="72"/>
        <source>Import articles…</source>
        <translation>导入文章…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="73"/>
        <source>The site&apos;s sitemap (.xml, .xml.gz), saved pages (.html) or a CSV of articles</source>
        <translation>网站的站点地图（.xml、.xml.gz）、保存的网页（.html）或文章 CSV</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="123"/>
        <source>Choose an article to get its chat links.</source>
        <translation>选择一篇文章以获取聊天链接。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="132"/>
        <source>A chat started from these links arrives linked to {0}:</source>
        <translation>从这些链接发起的聊天会自动关联到 {0}：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="143"/>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="144"/>
        <source>Sitemaps, saved pages, CSV ({0})</source>
        <translation>站点地图、保存的网页、CSV（{0}）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="155"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="161"/>
        <source>{0} pages in the catalogue from {1} entries; {2} inquiries linked</source>
        <translation>目录中有 {0} 个页面（来自 {1} 个条目）；关联了 {2} 个询盘</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="56"/>
        <source>nothing in this period</source>
        <translation>此期间没有数据</translation>
    </message>
</context>
<context>
    <name>ChatReplyDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="37"/>
        <source>Reply on a chat</source>
        <translation>在聊天中回复</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="47"/>
        <source>(no template)</source>
        <translation>（不用模板）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="55"/>
        <source>Your answer…</source>
        <translation>您的回复…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="62"/>
        <source>I sent it: log it</source>
        <translation>已发送：记录下来</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="68"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="69"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="89"/>
        <source>Open WhatsApp with this text</source>
        <translation>用此文本打开 WhatsApp</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="90"/>
        <source>Copy the text for WeChat</source>
        <translation>复制文本到微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="99"/>
        <source>Write something to send</source>
        <translation>请先写下要发送的内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="104"/>
        <source>WhatsApp opened: send it there, then log it here.</source>
        <translation>已打开 WhatsApp：请在那里发送，然后在这里记录。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/chat_reply.py" line="107"/>
        <source>Copied: paste it in WeChat to {0}, send it, then log it here.</source>
        <translation>已复制：请在微信中粘贴给 {0} 并发送，然后在这里记录。</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="45"/>
        <source>Write mail</source>
        <translation>写邮件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="57"/>
        <source>(no template)</source>
        <translation>（不用模板）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="67"/>
        <source>Your answer…</source>
        <translation>您的回复…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="70"/>
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="72"/>
        <source>Remove file</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="77"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="82"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="83"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="84"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="85"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="120"/>
        <source>Write in my mail program</source>
        <translation>用我的邮件程序写</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="134"/>
        <source>The template replaces what you wrote: pick it before writing</source>
        <translation>模板会替换您已写的内容：请在写之前选择模板</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="142"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="159"/>
        <source>Write something to send</source>
        <translation>请先写下要发送的内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/compose.py" line="167"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="48"/>
        <source>who looks after this buyer</source>
        <translation>谁负责这位买家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="49"/>
        <source>Set owner</source>
        <translation>设置负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="52"/>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="128"/>
        <source>Link article</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="58"/>
        <source>why it was lost</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="59"/>
        <source>Set stage</source>
        <translation>设置阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="66"/>
        <source>what to do</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="67"/>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="73"/>
        <source>Write mail…</source>
        <translation>写邮件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="83"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="84"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="89"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="91"/>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="119"/>
        <source>No email address: add one in Edit contact</source>
        <translation>没有邮箱地址：请在“编辑联系人”中添加</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="127"/>
        <source>Confirm suggestion</source>
        <translation>确认建议</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="176"/>
        <source>No such article: pick one from the list</source>
        <translation>没有这篇文章：请从列表中选择</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="69"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="71"/>
        <source>Delete contact…</source>
        <translation>删除联系人…</translation>
    </message>
</context>
<context>
    <name>ContactEditorDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="50"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="60"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="60"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="60"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="61"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="61"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="68"/>
        <source>e.g. Germany, 德国, DE</source>
        <translation>例如 Germany、德国、DE</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="69"/>
        <source>e.g. de, zh, pt</source>
        <translation>例如 de、zh、pt</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="71"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="73"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="75"/>
        <source>Reached at</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="78"/>
        <source>add a phone, email or WeChat ID, in any format</source>
        <translation>添加电话、邮箱或微信号，格式不限</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="79"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="85"/>
        <source>New identity</source>
        <translation>新联系方式</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="87"/>
        <source>Merge with this contact…</source>
        <translation>与该联系人合并…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="149"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="149"/>
        <source>possible</source>
        <translation>可能有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="150"/>
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="174"/>
        <source> · already listed</source>
        <translation> · 已在列表中</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="188"/>
        <source> · belongs to {0}, a deleted contact</source>
        <translation> · 属于已删除的联系人 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="191"/>
        <source> · belongs to {0}</source>
        <translation> · 属于 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/contact_editor.py" line="206"/>
        <source> · new</source>
        <translation> · 新增</translation>
    </message>
</context>
<context>
    <name>ContactFollowUps</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="151"/>
        <source>Open follow-ups</source>
        <translation>待办跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="153"/>
        <source>{0} more in Follow-ups</source>
        <translation>另有 {0} 个，见“跟进”</translation>
    </message>
</context>
<context>
    <name>ContactTimeline</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="66"/>
        <source>Show earlier</source>
        <translation>显示更早的</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="73"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="73"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="73"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="103"/>
        <source>Select a contact to see its whole history.</source>
        <translation>选择一位联系人以查看其全部往来记录。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="105"/>
        <source>Reading the history…</source>
        <translation>正在读取往来记录…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="134"/>
        <source>This contact is no longer on the desk.</source>
        <translation>该联系人已不在本工作台。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="137"/>
        <source>History of {0}</source>
        <translation>{0} 的往来记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="137"/>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="139"/>
        <source>{0} earlier entries not shown (before {1})</source>
        <translation>未显示更早的 {0} 条记录（{1} 之前）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="152"/>
        <source>Open the conversation</source>
        <translation>打开对话</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="165"/>
        <source>%n messages</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="165"/>
        <source>last {0}</source>
        <translation>最近 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="75"/>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="171"/>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="173"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="171"/>
        <source>{0} done: {1}</source>
        <translation>{0} 已完成：{1}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="173"/>
        <source>{0} due</source>
        <translation>{0} 待办</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="75"/>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="176"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="75"/>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="178"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactWork</name>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="36"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="58"/>
        <source>Sent to {0}</source>
        <translation>已发送给 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="68"/>
        <source>Reply logged</source>
        <translation>回复已记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="77"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="84"/>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="85"/>
        <source>Delete {0}? Their inquiries and follow-ups leave every list; Undo brings them back.</source>
        <translation>删除 {0}？其询盘和跟进将从所有列表中移除；撤销可恢复。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="88"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="106"/>
        <source>Merged #{0} into #{1}</source>
        <translation>已将 #{0} 合并到 #{1}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="112"/>
        <source>Deleted {0}</source>
        <translation>已删除 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/contact_work.py" line="124"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="55"/>
        <source>Find a contact: name, company, email, any number</source>
        <translation>查找联系人：姓名、公司、邮箱、任意号码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="60"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="60"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="60"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="61"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="61"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="61"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="71"/>
        <source>Export vCards…</source>
        <translation>导出名片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="130"/>
        <source>%n contacts shown</source>
        <translation>
            <numerusform>显示 %n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="176"/>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="177"/>
        <source>Copy {0}</source>
        <translation>复制 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="186"/>
        <source>Export vCards</source>
        <translation>导出名片</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="73"/>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="171"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="75"/>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="173"/>
        <source>Delete contact…</source>
        <translation>删除联系人…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="77"/>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="172"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="78"/>
        <source>Select two contacts that are one buyer</source>
        <translation>选择属于同一买家的两位联系人</translation>
    </message>
</context>
<context>
    <name>ConversationFiles</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/attachments.py" line="92"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/attachments.py" line="93"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/attachments.py" line="95"/>
        <source>over the size cap: only the name was kept</source>
        <translation>超出大小上限：只保存了文件名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/attachments.py" line="130"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/attachments.py" line="144"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>DamagedDeskDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="23"/>
        <source>The desk is damaged</source>
        <translation>工作台已损坏</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="25"/>
        <source>The desk did not pass its check after an unclean shutdown. It is open read-only: nothing you see is lost, but nothing can be changed.</source>
        <translation>上次未正常关闭后，工作台未通过检查。现以只读方式打开：您看到的内容都没有丢失，但无法修改。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="28"/>
        <source>… {0} more</source>
        <translation>……另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="32"/>
        <source>The newest good backup is from {0} ({1:.1f} MB). Restoring it keeps the damaged desk beside it.</source>
        <translation>最新的完好备份来自 {0}（{1:.1f} MB）。恢复后，损坏的工作台会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="35"/>
        <source>No good automatic backup was found; choose a backup file.</source>
        <translation>未找到完好的自动备份，请选择一个备份文件。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="38"/>
        <source>Restore it</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="40"/>
        <source>Choose another…</source>
        <translation>选择其他备份…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/damaged.py" line="42"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DayToolBar</name>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="31"/>
        <source>Main actions</source>
        <translation>主要操作</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="38"/>
        <source>Log inquiry</source>
        <translation>记录询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="39"/>
        <source>Log an inquiry that came by phone, a fair or a chat</source>
        <translation>记录通过电话、展会或聊天收到的询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="41"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="42"/>
        <source>Import chats, mails, form exports and vCards</source>
        <translation>导入聊天记录、邮件、表单导出和名片</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="43"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="46"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="49"/>
        <source>Plan the next follow-up with this buyer</source>
        <translation>安排与该买家的下一次跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="63"/>
        <source>Select an inquiry to reply to</source>
        <translation>请选择要回复的询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="65"/>
        <source>No phone, email or WeChat ID to reply to</source>
        <translation>没有可回复的电话、邮箱或微信号</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="68"/>
        <source>Write to {0}</source>
        <translation>写邮件给 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="69"/>
        <source>Write to {0} on WhatsApp</source>
        <translation>通过 WhatsApp 写给 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/toolbar.py" line="70"/>
        <source>Write to {0} on WeChat</source>
        <translation>通过微信写给 {0}</translation>
    </message>
</context>
<context>
    <name>DeskCare</name>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="118"/>
        <source>Checking the desk after an unclean shutdown…</source>
        <translation>上次未正常关闭，正在检查工作台…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="157"/>
        <source>The desk was checked after an unclean shutdown: it is sound</source>
        <translation>已检查上次未正常关闭的工作台：完好无损</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="162"/>
        <source>The desk is damaged: it is open read-only</source>
        <translation>工作台已损坏：现以只读方式打开</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="176"/>
        <location filename="../src/leaddesk/ui/desk_care.py" line="251"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="184"/>
        <source>Restoring {0}…</source>
        <translation>正在恢复 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/desk_care.py" line="197"/>
        <source>Restored {0}; the damaged desk is kept as {1}</source>
        <translation>已恢复 {0}；损坏的工作台保留为 {1}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="72"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="73"/>
        <source>History</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="128"/>
        <source>Select an inquiry to see the conversation.</source>
        <translation>选择一个询盘以查看对话。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="163"/>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="167"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="172"/>
        <source>Their time:</source>
        <translation>对方当地时间：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="174"/>
        <source>(outside working hours)</source>
        <translation>（非工作时间）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="175"/>
        <source>Article:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="177"/>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="201"/>
        <source>Show all ({0} characters)</source>
        <translation>显示全部（{0} 个字符）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="211"/>
        <source>Show earlier messages</source>
        <translation>显示更早的消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="214"/>
        <source>{0} earlier messages not shown</source>
        <translation>还有 {0} 条更早的消息未显示</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="255"/>
        <source>The whole message</source>
        <translation>完整消息</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="41"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="41"/>
        <source>Maybe the same as</source>
        <translation>可能与之相同</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="42"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="48"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="49"/>
        <source>Undo last merge</source>
        <translation>撤销上次合并</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="95"/>
        <source>Choose a pair first.</source>
        <translation>请先选择一对。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="110"/>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="120"/>
        <source>The merge was undone.</source>
        <translation>合并已撤销。</translation>
    </message>
</context>
<context>
    <name>EmptyDesk</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/empty.py" line="17"/>
        <source>Your desk is empty</source>
        <translation>工作台还是空的</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/empty.py" line="18"/>
        <source>Inquiries from WhatsApp, WeChat, email and the site form appear here.&lt;br&gt;Drop chat exports, mails or form CSVs on this window, or start with a demo.</source>
        <translation>来自 WhatsApp、微信、邮件和网站表单的询盘会显示在这里。&lt;br&gt;把聊天导出、邮件或表单 CSV 拖到窗口上，或者先载入演示数据。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/empty.py" line="26"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/empty.py" line="27"/>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
</context>
<context>
    <name>FollowUpRow</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="40"/>
        <source>{0} due {1}</source>
        <translation>{0} 到期 {1}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="48"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="50"/>
        <source>What came of it? Enter saves</source>
        <translation>结果如何？按回车保存</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="51"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="53"/>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="56"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="56"/>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_followups.py" line="56"/>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="33"/>
        <source>Snooze 1 day</source>
        <translation>推迟 1 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="34"/>
        <source>Snooze 3 days</source>
        <translation>推迟 3 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="35"/>
        <source>Snooze 1 week</source>
        <translation>推迟 1 周</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="51"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="51"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="51"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="52"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="57"/>
        <source>What came of it? (needed to complete)</source>
        <translation>结果如何？（完成时必填）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="58"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="97"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="98"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="99"/>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="105"/>
        <source> (late)</source>
        <translation>（已过时）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="119"/>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="120"/>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="139"/>
        <source>Choose a follow-up first.</source>
        <translation>请先选择一个跟进。</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="83"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="84"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="85"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="86"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="87"/>
        <source>Last message</source>
        <translation>最后消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="89"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="90"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="92"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="312"/>
        <source>(unavailable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="313"/>
        <source>This inquiry could not be read; it is tried again after the next change</source>
        <translation>无法读取此询盘；下次有更改后会再试</translation>
    </message>
</context>
<context>
    <name>LogInquiryDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="47"/>
        <source>Log inquiry</source>
        <translation>记录询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="114"/>
        <source>phone, email or WeChat ID, in any format</source>
        <translation>电话、邮箱或微信号，格式不限</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="83"/>
        <source>e.g. Germany, 德国, DE</source>
        <translation>例如 Germany、德国、DE</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="59"/>
        <source>Add another phone, email or WeChat ID</source>
        <translation>再添加一个电话、邮箱或微信号</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="70"/>
        <source>type a name, company or number to find one</source>
        <translation>输入姓名、公司或号码查找</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="75"/>
        <source>New contact instead</source>
        <translation>改为新建联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="86"/>
        <source>what the buyer wrote</source>
        <translation>客户发来的内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="87"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="92"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="93"/>
        <source>Phone / email / WeChat</source>
        <translation>电话 / 邮箱 / 微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="94"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="95"/>
        <source>Existing contact</source>
        <translation>已有联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="97"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="97"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="98"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="136"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="136"/>
        <source>possible</source>
        <translation>可能有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="137"/>
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="140"/>
        <source> · existing contact, will be used</source>
        <translation> · 已有联系人，将直接使用</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="166"/>
        <source>Logged for {0}</source>
        <translation>记在 {0} 名下</translation>
    </message>
</context>
<context>
    <name>MailAccountDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="39"/>
        <source>Add mail account</source>
        <translation>添加邮箱账户</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="44"/>
        <source>e.g. sales</source>
        <translation>例如 sales</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="54"/>
        <source>smtp.example.com:465 (empty: no sending)</source>
        <translation>smtp.example.com:465（留空：不发信）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="59"/>
        <source>the email address</source>
        <translation>即邮箱地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="61"/>
        <source>TLS (recommended)</source>
        <translation>TLS（推荐）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="62"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="63"/>
        <source>None (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="65"/>
        <source>Warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="69"/>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="70"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="77"/>
        <source>kept in the keyring</source>
        <translation>保存在密钥环中</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="81"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="85"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="85"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="86"/>
        <source>IMAP server</source>
        <translation>IMAP 服务器</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="86"/>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="87"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="87"/>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="88"/>
        <source>CA file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="88"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="125"/>
        <source>{0}: its servers are filled in.</source>
        <translation>{0}：已自动填入服务器。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="152"/>
        <source>Certificate to trust</source>
        <translation>要信任的证书</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="153"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="161"/>
        <source>type the account&apos;s password</source>
        <translation>请输入账户密码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="188"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/mail_account.py" line="201"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>MailAccountsPage</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="38"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="38"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="38"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="38"/>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="39"/>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="39"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="47"/>
        <source>No mail account yet: add one to sync its mail and answer buyers from LeadDesk.</source>
        <translation>还没有邮箱账户：添加一个，即可同步邮件并在 LeadDesk 中回复买家。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="50"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="52"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="81"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="82"/>
        <source>stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="82"/>
        <source>none stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="83"/>
        <source>Logs in as {0}</source>
        <translation>登录名：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="84"/>
        <source>Trusts {0}</source>
        <translation>信任证书：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="95"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="95"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="96"/>
        <source>none (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="114"/>
        <source>Added {0}; its mail comes with the next sync (Sync mail now, F5).</source>
        <translation>已添加 {0}；下次同步时收取其邮件（立即同步邮件，F5）。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="123"/>
        <source>Remove mail account</source>
        <translation>移除邮箱账户</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="124"/>
        <source>Remove {0} ({1})? LeadDesk stops syncing it and forgets its password; the mails it brought stay in the desk.</source>
        <translation>移除 {0}（{1}）？LeadDesk 将停止同步该账户并删除其密码；已收取的邮件仍保留在工作台中。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="127"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/mail_accounts.py" line="139"/>
        <source>Removed {0}; its mails stay in the desk.</source>
        <translation>已移除 {0}；其邮件仍保留在工作台中。</translation>
    </message>
</context>
<context>
    <name>MailSync</name>
    <message>
        <location filename="../src/leaddesk/ui/mail_sync.py" line="51"/>
        <source>Stop mail sync</source>
        <translation>停止同步邮件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/mail_sync.py" line="128"/>
        <source>Mail: {0} of {1} mails synced…</source>
        <translation>邮件：已同步 {0} / {1} 封…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/mail_sync.py" line="146"/>
        <location filename="../src/leaddesk/ui/mail_sync.py" line="155"/>
        <source>Mail: {0}</source>
        <translation>邮件：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/mail_sync.py" line="148"/>
        <source>Mail: {0} new messages, {1} from new senders waiting</source>
        <translation>邮件：{0} 条新消息，{1} 封新发件人的邮件待处理</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="124"/>
        <source>Search everything (Ctrl+K): words, &quot;phrases&quot;, channel:wechat, a phone number…</source>
        <translation>搜索全部（Ctrl+K）：词语、&quot;短语&quot;、channel:wechat、电话号码…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="157"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="158"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="159"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="160"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="162"/>
        <source>New senders</source>
        <translation>新发件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="163"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="219"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="223"/>
        <source>&amp;Log inquiry…</source>
        <translation>记录询盘(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="224"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="226"/>
        <source>&amp;Paste conversation…</source>
        <translation>粘贴聊天记录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="227"/>
        <source>Sync &amp;mail now</source>
        <translation>立即同步邮件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="228"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="229"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="230"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="281"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="282"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="283"/>
        <source>Delete contact…</source>
        <translation>删除联系人…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="289"/>
        <source>Stage set to {0}</source>
        <translation>阶段已设为 {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/main_window.py" line="303"/>
        <source>%n inquiries</source>
        <translation>
            <numerusform>%n 个询盘</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="339"/>
        <source>{0} matching messages in {1} inquiries</source>
        <translation>{1} 个询盘中有 {0} 条匹配消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="385"/>
        <source>A demo desk: {0} contacts</source>
        <translation>演示数据：{0} 位联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="403"/>
        <source>Inquiry logged</source>
        <translation>询盘已记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="416"/>
        <source>Follow-up due: {0}</source>
        <translation>到期跟进：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="437"/>
        <source>Import chats, mails, form exports, vCards</source>
        <translation>导入聊天记录、邮件、表单导出、名片</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="443"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="444"/>
        <source>Importing {0} files…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="445"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="491"/>
        <source>No import to undo</source>
        <translation>没有可撤销的导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="494"/>
        <source>Undid the import of {0}: {1} messages removed</source>
        <translation>已撤销 {0} 的导入：删除了 {1} 条消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="497"/>
        <source>; kept {0} records others rely on</source>
        <translation>；保留了 {0} 条其他记录依赖的数据</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="501"/>
        <source>Waiting for another import to finish…</source>
        <translation>正在等待另一项导入完成…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="511"/>
        <source>Imported {0} new messages ({1} already here)</source>
        <translation>已导入 {0} 条新消息（{1} 条已存在）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="513"/>
        <source>Import cancelled; the files before it stay imported. </source>
        <translation>导入已取消；之前的文件保持已导入。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="515"/>
        <source>; {0} files refused</source>
        <translation>；{0} 个文件未能导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="518"/>
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="225"/>
        <source>&amp;Revert last import…</source>
        <translation>撤销上次导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="161"/>
        <source>Duplicates</source>
        <translation>重复联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="241"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="244"/>
        <source>Done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="472"/>
        <source>Revert last import</source>
        <translation>撤销上次导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="473"/>
        <source>Revert the newest import? What came only with it goes; what you typed stays.</source>
        <translation>撤销最近一次导入？仅随它导入的内容将被删除；您输入的内容会保留。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="475"/>
        <source>Revert</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="24"/>
        <source>Merge contacts</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="31"/>
        <source>Contact #{0} stays; #{1} is merged into it. Identities, inquiries and follow-ups of both are kept.</source>
        <translation>保留联系人 #{0}，将 #{1} 合并进来。两者的联系方式、询盘和跟进都会保留。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="34"/>
        <source>Suggested because: {0}</source>
        <translation>推荐原因：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="39"/>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="40"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="47"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>MissingDeskDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="25"/>
        <source>The desk is missing</source>
        <translation>找不到工作台</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="27"/>
        <source>The desk file {0} is not there. Nothing has been created in its place.</source>
        <translation>工作台文件 {0} 不存在。没有在原处新建任何文件。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="31"/>
        <source>Its newest backup is from {0}.</source>
        <translation>它最新的备份来自 {0}。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="33"/>
        <source>No backup of it was found.</source>
        <translation>没有找到它的备份。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="34"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="36"/>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="39"/>
        <source>Create a new desk</source>
        <translation>新建工作台</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="41"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/missing_desk.py" line="68"/>
        <source>Choose a desk</source>
        <translation>选择工作台</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/navigation.py" line="61"/>
        <source>%n inquiries of the last two weeks wait for an answer</source>
        <translation>
            <numerusform>最近两周有 %n 个询盘等待回复</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/navigation.py" line="63"/>
        <source>{0} overdue, {1} due today</source>
        <translation>{0} 个已逾期，{1} 个今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/navigation.py" line="65"/>
        <source>%n pairs of contacts to look at</source>
        <translation>
            <numerusform>有 %n 对联系人待查看</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/navigation.py" line="67"/>
        <source>%n mails from new senders wait for a decision</source>
        <translation>
            <numerusform>有 %n 封新发件人的邮件待处理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewSendersView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="60"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="60"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="60"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="61"/>
        <source>Why it waits</source>
        <translation>待处理原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="70"/>
        <source>Accept as inquiry</source>
        <translation>作为询盘接受</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="72"/>
        <source>Ignore this sender</source>
        <translation>忽略此发件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="74"/>
        <source>Ignore this domain</source>
        <translation>忽略此域名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="123"/>
        <source>No mail waits: every sender is known or ignored.</source>
        <translation>没有待处理的邮件：所有发件人均已知或已忽略。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="128"/>
        <source>A new sender</source>
        <translation>新发件人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="129"/>
        <source>Sender not verified: the From may be forged</source>
        <translation>发件人未通过验证：发件人地址可能是伪造的</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="130"/>
        <source>Looks like the site form, but from another address</source>
        <translation>看似网站表单邮件，但来自其他地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="160"/>
        <source>Accepted: {0} new messages, {1} new contacts</source>
        <translation>已接受：{0} 条新消息，{1} 个新联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/senders.py" line="172"/>
        <source>Ignoring {0} from now on; {1} waiting mails dropped</source>
        <translation>今后忽略 {0}；已移除 {1} 封待处理邮件</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="38"/>
        <source>Paste conversation</source>
        <translation>粘贴聊天记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="43"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="45"/>
        <source>who the buyer is (name or number), if the text does not say</source>
        <translation>客户是谁（姓名或号码），如果文本里没有写</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="48"/>
        <source>Paste the copied chat here</source>
        <translation>把复制的聊天记录粘贴到这里</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="52"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="91"/>
        <source>{0} messages from {1}</source>
        <translation>来自 {1} 的 {0} 条消息</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="10"/>
        <source>a contact cannot be merged into itself</source>
        <translation>联系人不能与自身合并</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="11"/>
        <source>a lost lead needs a reason</source>
        <translation>丢单需要填写原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="12"/>
        <source>a new mail needs a subject (--subject)</source>
        <translation>新邮件需要主题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="13"/>
        <source>a snooze must move the follow-up later</source>
        <translation>推迟必须把跟进时间往后移</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="14"/>
        <source>an account&apos;s name is 1 to 80 characters, e.g. sales</source>
        <translation>账户名称为 1 到 80 个字符，例如 sales</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="15"/>
        <source>an article needs a title</source>
        <translation>文章需要标题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="16"/>
        <source>an empty message cannot be added</source>
        <translation>不能添加空消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="17"/>
        <source>an inquiry needs a name, phone, email or WeChat ID</source>
        <translation>询盘需要姓名、电话、邮箱或微信号</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="18"/>
        <source>an inquiry needs the buyer&apos;s message</source>
        <translation>询盘需要买家的消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="19"/>
        <source>no mail account: add one with `leaddesk mail add`</source>
        <translation>没有邮件账户：请用 `leaddesk mail add` 添加</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="20"/>
        <source>nothing to send: write the text (or give --body-file or --template)</source>
        <translation>没有可发送的内容：请写下正文</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="21"/>
        <source>pg_dump is not installed; it is needed to back up PostgreSQL</source>
        <translation>未安装 pg_dump；备份 PostgreSQL 需要它</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="22"/>
        <source>say what came of the follow-up</source>
        <translation>请说明跟进的结果</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="23"/>
        <source>set our WhatsApp number (own_phones in the settings, or --phone)</source>
        <translation>请在设置中填写我方 WhatsApp 号码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="24"/>
        <source>set our email address (own_emails in the settings, or --email)</source>
        <translation>请在设置中填写我方邮箱地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="25"/>
        <source>the desk is not empty: a synthetic desk needs an empty one</source>
        <translation>数据库不是空的：合成数据只能放入空数据库</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="26"/>
        <source>the desk is not empty: demo data goes only into an empty desk</source>
        <translation>数据库不是空的：演示数据只能放入空数据库</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="27"/>
        <source>the period ends before it starts</source>
        <translation>时间段的结束早于开始</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="28"/>
        <source>--subject is one line</source>
        <translation>主题只能是一行</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="29"/>
        <source>someone else changed this record since you opened it; reload and try again</source>
        <translation>您打开之后，别人已修改了这条记录；请重新载入后再试</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="31"/>
        <source>import cancelled while waiting for another import; nothing was written</source>
        <translation>等待另一个导入时已取消导入；没有写入任何内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="32"/>
        <source>backup stopped</source>
        <translation>备份已停止</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/refusals.py" line="33"/>
        <source>1 to 80 characters, e.g. sales</source>
        <translation>1 到 80 个字符，例如 sales</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="94"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="98"/>
        <source>Inquiries per week</source>
        <translation>每周询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="99"/>
        <source>Top articles</source>
        <translation>热门文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="100"/>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="101"/>
        <source>Contacts by stage</source>
        <translation>各阶段联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="103"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="105"/>
        <source>until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="110"/>
        <source>Export {0}…</source>
        <translation>导出 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="151"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; inquiries · &lt;b&gt;{1}&lt;/b&gt; contacts · &lt;b&gt;{2}&lt;/b&gt; won · &lt;b&gt;{3}&lt;/b&gt; lost · median first response &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 个询盘 · &lt;b&gt;{1}&lt;/b&gt; 位联系人 · 成交 &lt;b&gt;{2}&lt;/b&gt; · 丢单 &lt;b&gt;{3}&lt;/b&gt; · 首次回复中位数 &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="166"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="176"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/reports.py" line="182"/>
        <source>{0} rows written to {1}</source>
        <translation>已写入 {0} 行到 {1}</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <location filename="../src/leaddesk/ui/saved_searches.py" line="21"/>
        <source>Sa&amp;ved searches</source>
        <translation>已存搜索(&amp;V)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/saved_searches.py" line="22"/>
        <source>Save this search…</source>
        <translation>保存此搜索…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/saved_searches.py" line="50"/>
        <source>Save this search</source>
        <translation>保存此搜索</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/saved_searches.py" line="51"/>
        <source>A name for &quot;{0}&quot;:</source>
        <translation>为“{0}”起个名字：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/saved_searches.py" line="62"/>
        <source>Saved the search &quot;{0}&quot;</source>
        <translation>已保存搜索“{0}”</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../src/leaddesk/settings.py" line="30"/>
        <source>Default country</source>
        <translation>默认国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="33"/>
        <source>Our names (messages by them are ours)</source>
        <translation>我方姓名（其消息为我方发出）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="35"/>
        <source>Our numbers</source>
        <translation>我方电话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="37"/>
        <source>Our addresses</source>
        <translation>我方邮箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="40"/>
        <source>The site form&apos;s sender addresses</source>
        <translation>网站表单的发件地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="42"/>
        <source>Start a new inquiry after this many quiet days</source>
        <translation>静默多少天后开始新询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="43"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="44"/>
        <source>Sync the mailboxes every (minutes; 0: only when asked)</source>
        <translation>邮箱同步间隔（分钟；0：仅手动）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="46"/>
        <source>A mailbox&apos;s first sync reads the last (days; 0: all its mail)</source>
        <translation>邮箱首次同步读取最近（天；0：全部邮件）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="48"/>
        <source>Mark synced mail as read on the server</source>
        <translation>在服务器上将已同步的邮件标记为已读</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="50"/>
        <source>Signature under your mails</source>
        <translation>邮件签名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="55"/>
        <source>Database (file or PostgreSQL URL)</source>
        <translation>数据库（文件或 PostgreSQL URL）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="56"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="59"/>
        <source>CSV column mappings, per set of headers</source>
        <translation>CSV 列映射（按表头组合）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="61"/>
        <source>Saved searches (name: query)</source>
        <translation>已保存的搜索（名称：查询）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="63"/>
        <source>Backups folder (empty: in the data folder)</source>
        <translation>备份文件夹（留空：数据文件夹内）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="65"/>
        <source>Backups may take up (MB; 0: 3 × the desk)</source>
        <translation>备份最多占用（MB；0：工作台的 3 倍）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="67"/>
        <source>Attachments may take up (MB)</source>
        <translation>附件最多占用（MB）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="53"/>
        <source>Name given</source>
        <translation>已填写名字</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="64"/>
        <source>3 × the desk</source>
        <translation>工作台的 3 倍</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="69"/>
        <source>only when asked</source>
        <translation>仅手动同步</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="77"/>
        <source>all its mail</source>
        <translation>全部邮件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="95"/>
        <source>A password in a PostgreSQL URL is kept in the password store below, never in the settings file</source>
        <translation>PostgreSQL 地址中的密码保存在下方的密码存储中，绝不写入设置文件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="97"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="103"/>
        <source>Mail accounts</source>
        <translation>邮箱账户</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="105"/>
        <source>Passwords are kept in {0}</source>
        <translation>密码保存在：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="134"/>
        <source>Unknown country: {0}</source>
        <translation>未知国家：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="148"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="44"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="51"/>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="48"/>
        <source>The window opens the other desk when LeadDesk starts again.</source>
        <translation>LeadDesk 重新启动后，窗口将打开另一个工作台。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="46"/>
        <source>The window shows the new language when LeadDesk starts again.</source>
        <translation>LeadDesk 重新启动后，窗口将显示新的语言。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="53"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/settings_flow.py" line="54"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>UndoStack</name>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="28"/>
        <source>Undo import of {0}</source>
        <translation>撤销导入 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="29"/>
        <source>Undo merge of {0}</source>
        <translation>撤销合并 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="30"/>
        <source>Undo stage {0}</source>
        <translation>撤销阶段 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="31"/>
        <source>Undo owner of {0}</source>
        <translation>撤销 {0} 的负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="32"/>
        <source>Undo edit of {0}</source>
        <translation>撤销对 {0} 的编辑</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="33"/>
        <source>Undo follow-up done: {0}</source>
        <translation>撤销跟进完成：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="34"/>
        <source>Undo delete of {0}</source>
        <translation>撤销删除 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="35"/>
        <source>Undo {0}</source>
        <translation>撤销 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="47"/>
        <location filename="../src/leaddesk/ui/undo.py" line="99"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="67"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/undo.py" line="70"/>
        <source>What came only with it goes: its messages, and the inquiries and contacts nobody else relies on. What you typed stays.</source>
        <translation>仅随它导入的内容将被删除：其消息，以及没有其他记录依赖的询盘和联系人。您输入的内容会保留。</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="73"/>
        <source>same phone {0}</source>
        <translation>电话相同 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="75"/>
        <source>same email {0}</source>
        <translation>邮箱相同 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="77"/>
        <source>same WeChat ID {0}</source>
        <translation>微信号相同 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="79"/>
        <source>same name and company</source>
        <translation>姓名和公司相同</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="81"/>
        <source>same name and country</source>
        <translation>姓名和国家相同</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="83"/>
        <source>one message came from numbers or addresses of both</source>
        <translation>同一条消息来自两者的号码或地址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="85"/>
        <source>the buyer typed a number or address of the other</source>
        <translation>买家填写了另一联系人的号码或地址</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="15"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="16"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="17"/>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="18"/>
        <source>site form</source>
        <translation>网站表单</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="19"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="20"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="21"/>
        <source>new</source>
        <translation>新询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="22"/>
        <source>contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="23"/>
        <source>qualified</source>
        <translation>已确认需求</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="24"/>
        <source>quoted</source>
        <translation>已报价</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="25"/>
        <source>won</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="26"/>
        <source>lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="27"/>
        <source>call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="28"/>
        <source>quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="29"/>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="30"/>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="31"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="32"/>
        <source>title match</source>
        <translation>标题匹配</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="33"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="112"/>
        <source>{0} d {1} h</source>
        <translation>{0} 天 {1} 小时</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="114"/>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/words.py" line="115"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
</context>
<context>
    <name>YourNameDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/your_name.py" line="18"/>
        <source>Welcome to LeadDesk</source>
        <translation>欢迎使用 LeadDesk</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/your_name.py" line="20"/>
        <source>Your name signs your replies, notes and stage changes, as colleagues and buyers read them.</source>
        <translation>您的名字会署在您的回复、备注和阶段变更上，同事和买家都会看到。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/your_name.py" line="26"/>
        <source>e.g. Amy Chen</source>
        <translation>例如：陈晓梅</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/your_name.py" line="27"/>
        <source>Your name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/your_name.py" line="43"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
</TS>
