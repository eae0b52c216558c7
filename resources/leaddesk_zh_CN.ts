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
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="47"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="47"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="47"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="47"/>
        <source>Inquiries</source>
        <translation>询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="48"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="58"/>
        <source>Copy WhatsApp link</source>
        <translation>复制 WhatsApp 链接</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="59"/>
        <source>Copy email link</source>
        <translation>复制邮件链接</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="62"/>
        <source>Import articles…</source>
        <translation>导入文章…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="63"/>
        <source>The site&apos;s sitemap (.xml, .xml.gz), saved pages (.html) or a CSV of articles</source>
        <translation>网站的站点地图（.xml、.xml.gz）、保存的网页（.html）或文章 CSV</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="108"/>
        <source>Choose an article to get its chat links.</source>
        <translation>选择一篇文章以获取聊天链接。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="117"/>
        <source>A chat started from these links arrives linked to {0}:</source>
        <translation>从这些链接发起的聊天会自动关联到 {0}：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="128"/>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="129"/>
        <source>Sitemaps, saved pages, CSV ({0})</source>
        <translation>站点地图、保存的网页、CSV（{0}）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="140"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/articles.py" line="146"/>
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
    <name>ContactActions</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="44"/>
        <source>who looks after this buyer</source>
        <translation>谁负责这位买家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="45"/>
        <source>Set owner</source>
        <translation>设置负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="48"/>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="108"/>
        <source>Link article</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="54"/>
        <source>why it was lost</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="55"/>
        <source>Set stage</source>
        <translation>设置阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="62"/>
        <source>what to do</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="63"/>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="68"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="69"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="74"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="76"/>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="107"/>
        <source>Confirm suggestion</source>
        <translation>确认建议</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contact_actions.py" line="139"/>
        <source>No such article: pick one from the list</source>
        <translation>没有这篇文章：请从列表中选择</translation>
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
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="63"/>
        <source>Show earlier</source>
        <translation>显示更早的</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="70"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="70"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="70"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="97"/>
        <source>Select a contact to see its whole history.</source>
        <translation>选择一位联系人以查看其全部往来记录。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="99"/>
        <source>Reading the history…</source>
        <translation>正在读取往来记录…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="128"/>
        <source>This contact is no longer on the desk.</source>
        <translation>该联系人已不在本工作台。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="131"/>
        <source>History of {0}</source>
        <translation>{0} 的往来记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="131"/>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="133"/>
        <source>{0} earlier entries not shown (before {1})</source>
        <translation>未显示更早的 {0} 条记录（{1} 之前）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="145"/>
        <source>Open the conversation</source>
        <translation>打开对话</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="158"/>
        <source>%n messages</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="158"/>
        <source>last {0}</source>
        <translation>最近 {0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="164"/>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="166"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="164"/>
        <source>{0} done: {1}</source>
        <translation>{0} 已完成：{1}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="166"/>
        <source>{0} due</source>
        <translation>{0} 待办</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="169"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/timeline.py" line="171"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="48"/>
        <source>Find a contact: name, company, email, any number</source>
        <translation>查找联系人：姓名、公司、邮箱、任意号码</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="53"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="53"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="54"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="54"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="54"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="61"/>
        <source>Export vCards…</source>
        <translation>导出名片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="104"/>
        <source>%n contacts shown</source>
        <translation>
            <numerusform>显示 %n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/contacts.py" line="114"/>
        <source>Export vCards</source>
        <translation>导出名片</translation>
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
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="64"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="65"/>
        <source>History</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="105"/>
        <source>Select an inquiry to see the conversation.</source>
        <translation>选择一个询盘以查看对话。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="130"/>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="134"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="139"/>
        <source>Their time:</source>
        <translation>对方当地时间：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="141"/>
        <source>(outside working hours)</source>
        <translation>（非工作时间）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="142"/>
        <source>Article:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="144"/>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="167"/>
        <source>Show all ({0} characters)</source>
        <translation>显示全部（{0} 个字符）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="177"/>
        <source>Show earlier messages</source>
        <translation>显示更早的消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="180"/>
        <source>{0} earlier messages not shown</source>
        <translation>还有 {0} 条更早的消息未显示</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/detail.py" line="207"/>
        <source>The whole message</source>
        <translation>完整消息</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="40"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="40"/>
        <source>Maybe the same as</source>
        <translation>可能与之相同</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="41"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="47"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="48"/>
        <source>Undo last merge</source>
        <translation>撤销上次合并</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="92"/>
        <source>Choose a pair first.</source>
        <translation>请先选择一对。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="106"/>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/duplicates.py" line="116"/>
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
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="32"/>
        <source>Snooze 1 day</source>
        <translation>推迟 1 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="33"/>
        <source>Snooze 3 days</source>
        <translation>推迟 3 天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="34"/>
        <source>Snooze 1 week</source>
        <translation>推迟 1 周</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="50"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="50"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="50"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="51"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="56"/>
        <source>What came of it? (needed to complete)</source>
        <translation>结果如何？（完成时必填）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="57"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="95"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="96"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="97"/>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="103"/>
        <source> (late)</source>
        <translation>（已过时）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/widgets/followups.py" line="130"/>
        <source>Choose a follow-up first.</source>
        <translation>请先选择一个跟进。</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="81"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="82"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="83"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="84"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="85"/>
        <source>Last message</source>
        <translation>最后消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="87"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="88"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="90"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="291"/>
        <source>(unavailable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/models/inbox.py" line="292"/>
        <source>This inquiry could not be read; it is tried again after the next change</source>
        <translation>无法读取此询盘；下次有更改后会再试</translation>
    </message>
</context>
<context>
    <name>LogInquiryDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="36"/>
        <source>Log inquiry</source>
        <translation>记录询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="43"/>
        <source>phone, email or WeChat ID, in any format</source>
        <translation>电话、邮箱或微信号，格式不限</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="47"/>
        <source>e.g. Germany, 德国, DE</source>
        <translation>例如 Germany、德国、DE</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="50"/>
        <source>what the buyer wrote</source>
        <translation>客户发来的内容</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="51"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="56"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="57"/>
        <source>Phone / email / WeChat</source>
        <translation>电话 / 邮箱 / 微信</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="58"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="59"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="59"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="60"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="72"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="72"/>
        <source>possible</source>
        <translation>可能有效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="73"/>
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/log_inquiry.py" line="76"/>
        <source> · existing contact, will be used</source>
        <translation> · 已有联系人，将直接使用</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="114"/>
        <source>Search everything (Ctrl+K): words, &quot;phrases&quot;, channel:wechat, a phone number…</source>
        <translation>搜索全部（Ctrl+K）：词语、&quot;短语&quot;、channel:wechat、电话号码…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="146"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="147"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="148"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="149"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="150"/>
        <source>Possible duplicates</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="151"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="205"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="208"/>
        <source>&amp;Log inquiry…</source>
        <translation>记录询盘(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="209"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="210"/>
        <source>&amp;Undo last import</source>
        <translation>撤销上次导入(&amp;U)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="211"/>
        <source>&amp;Paste conversation…</source>
        <translation>粘贴聊天记录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="212"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="213"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="214"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="224"/>
        <source>Sa&amp;ved searches</source>
        <translation>已存搜索(&amp;V)</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="235"/>
        <source>(save one with: leaddesk search QUERY --save NAME)</source>
        <translation>（用 leaddesk search 查询 --save 名称 保存）</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/leaddesk/ui/main_window.py" line="266"/>
        <source>%n inquiries</source>
        <translation>
            <numerusform>%n 个询盘</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="300"/>
        <source>{0} matching messages in {1} inquiries</source>
        <translation>{1} 个询盘中有 {0} 条匹配消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="324"/>
        <source>A demo desk: {0} contacts</source>
        <translation>演示数据：{0} 位联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="342"/>
        <source>Inquiry logged</source>
        <translation>询盘已记录</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="355"/>
        <source>Follow-up due: {0}</source>
        <translation>到期跟进：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="368"/>
        <source>Settings saved; a new language shows at the next start</source>
        <translation>设置已保存；新语言将在下次启动时生效</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="378"/>
        <source>Import chats, mails, form exports, vCards</source>
        <translation>导入聊天记录、邮件、表单导出、名片</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="384"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="385"/>
        <source>Importing {0} files…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="386"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="419"/>
        <source>No import to undo</source>
        <translation>没有可撤销的导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="422"/>
        <source>Undid the import of {0}: {1} messages removed</source>
        <translation>已撤销 {0} 的导入：删除了 {1} 条消息</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="425"/>
        <source>; kept {0} records others rely on</source>
        <translation>；保留了 {0} 条其他记录依赖的数据</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="429"/>
        <source>Waiting for another import to finish…</source>
        <translation>正在等待另一项导入完成…</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="439"/>
        <source>Imported {0} new messages ({1} already here)</source>
        <translation>已导入 {0} 条新消息（{1} 条已存在）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="441"/>
        <source>Import cancelled; the files before it stay imported. </source>
        <translation>导入已取消；之前的文件保持已导入。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="443"/>
        <source>; {0} files refused</source>
        <translation>；{0} 个文件未能导入</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/main_window.py" line="446"/>
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="22"/>
        <source>Merge contacts</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="29"/>
        <source>Contact #{0} stays; #{1} is merged into it. Identities, inquiries and follow-ups of both are kept.</source>
        <translation>保留联系人 #{0}，将 #{1} 合并进来。两者的联系方式、询盘和跟进都会保留。</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="34"/>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="35"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/merge.py" line="42"/>
        <source>Merge</source>
        <translation>合并</translation>
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
        <location filename="../src/leaddesk/ui/dialogs/paste.py" line="90"/>
        <source>{0} messages from {1}</source>
        <translation>来自 {1} 的 {0} 条消息</translation>
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
        <location filename="../src/leaddesk/settings.py" line="39"/>
        <source>Start a new inquiry after this many quiet days</source>
        <translation>静默多少天后开始新询盘</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="40"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="42"/>
        <source>Database (file or PostgreSQL URL)</source>
        <translation>数据库（文件或 PostgreSQL URL）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="43"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="46"/>
        <source>CSV column mappings, per set of headers</source>
        <translation>CSV 列映射（按表头组合）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="48"/>
        <source>Saved searches (name: query)</source>
        <translation>已保存的搜索（名称：查询）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="50"/>
        <source>Backups folder (empty: in the data folder)</source>
        <translation>备份文件夹（留空：数据文件夹内）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="52"/>
        <source>Backups may take up (MB; 0: 3 × the desk)</source>
        <translation>备份最多占用（MB；0：工作台的 3 倍）</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/settings.py" line="38"/>
        <source>The site form's sender addresses</source>
        <translation>网站表单的发件地址</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="50"/>
        <source>3 × the desk</source>
        <translation>工作台的 3 倍</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="63"/>
        <source>A password in a PostgreSQL URL is kept in the password store below, never in the settings file</source>
        <translation>PostgreSQL 地址中的密码保存在下方的密码存储中，绝不写入设置文件</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="65"/>
        <source>Passwords are kept in {0}</source>
        <translation>密码保存在：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="88"/>
        <source>Unknown country: {0}</source>
        <translation>未知国家：{0}</translation>
    </message>
    <message>
        <location filename="../src/leaddesk/ui/dialogs/settings.py" line="97"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
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
</TS>
