"""Form field labels in English and Chinese, mapped to what LeadDesk stores."""

import re

LABELS = {
    "name": ["name", "your name", "full name", "contact", "contact name", "姓名", "名字", "联系人", "称呼"],
    "email": ["email", "e-mail", "your email", "email address", "mail", "邮箱", "电子邮件", "电子邮箱"],
    "phone": ["phone", "phone/whatsapp", "whatsapp", "tel", "telephone", "mobile", "phone number",
              "电话", "手机", "联系电话", "手机号", "电话/whatsapp"],
    "company": ["company", "company name", "organization", "organisation", "公司", "公司名称", "单位"],
    "country": ["country", "country/region", "国家", "国家/地区", "地区"],
    "message": ["message", "your message", "inquiry", "enquiry", "comments", "comment", "content",
                "requirements", "留言", "内容", "询价内容", "需求", "备注"],
    "page": ["page", "source page", "page url", "url", "referer", "referrer", "source",
             "来源页面", "页面", "来源"],
    "submitted": ["submitted at", "submitted", "date", "time", "created", "提交时间", "时间", "日期"],
    "id": ["id", "entry id", "编号", "序号"],
    "wechat": ["wechat", "wechat id", "微信", "微信号"],
    "subject": ["subject", "主题", "标题"],
}
_INDEX = {label: field for field, labels in LABELS.items() for label in labels}
_SECURITY = re.compile(r"^\(Security Alert:[^)]*\)\s*", re.IGNORECASE)


def field_for(label: str, overrides: dict[str, str] | None = None) -> str | None:
    """The field a column or line label stands for, or None."""
    key = " ".join(label.strip().strip(":：*").lower().split())
    if overrides and key in {k.lower(): v for k, v in overrides.items()}:
        return {k.lower(): v for k, v in overrides.items()}[key]
    return _INDEX.get(key)


def clean_cell(value: str) -> str:
    """A form value without WordPress Flamingo's "(Security Alert: ...)" prefix."""
    return _SECURITY.sub("", value.strip())
