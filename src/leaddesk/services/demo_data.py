"""The people and words of the demo desk: buyers from many countries, in English and Chinese."""

# (country, language, [(name, company)]) — names and companies are invented.
BUYERS = [
    ("DE", "de", [("Lukas Becker", "Becker Messtechnik GmbH"), ("Anna Schmidt", "Nordwind UAV"),
                  ("Jonas Weber", "Weber Robotik"), ("Lena Fischer", "Fischer Marine Systems")]),
    ("CN", "zh", [("王磊", "西安航测科技"), ("陈静", "深圳智航"), ("刘洋", "成都星导电子"),
                  ("赵敏", "北京惯导科技"), ("陈经理", "杭州海测")]),
    ("IN", "en", [("Priya Nair", "Nair Avionics Pvt Ltd"), ("Rahul Verma", "SkyKraft Drones"),
                  ("Anil Kumar", "Kumar Surveying")]),
    ("US", "en", [("Michael Carter", "Carter Geospatial"), ("Emily Johnson", "Blue Ridge Robotics"),
                  ("David Miller", "Miller Defense Supply"), ("Sarah Lee", "Pacific Survey Inc")]),
    ("BR", "pt", [("Maria Santos", "Santos Agro Drones"), ("João Oliveira", "Oliveira Engenharia"),
                  ("Ana Costa", "Costa Navegação")]),
    ("AE", "ar", [("Ahmed Al Mansouri", "Gulf Navigation Trading"),
                  ("Fatima Al Zahra", "Desert Eagle Systems"), ("Omar Haddad", "Haddad Marine")]),
    ("RU", "ru", [("Oleg Petrov", "Petrov Instruments"), ("Irina Volkova", "Volga Geodesy"),
                  ("Sergei Ivanov", "Ural Avionika")]),
    ("VN", "vi", [("Nguyen Van An", "An Phat Technology"), ("Tran Thi Mai", "Saigon Marine Tech"),
                  ("Le Van Hung", "Hanoi UAV Lab")]),
    ("TR", "tr", [("Mehmet Yilmaz", "Yilmaz Savunma"), ("Ayse Demir", "Anatolia Robotics"),
                  ("Emre Kaya", "Kaya Harita")]),
    ("KR", "ko", [("Kim Min-jun", "Hanbit Navigation"), ("Park Ji-woo", "Busan Ocean Systems"),
                  ("Lee Seo-yeon", "K-Drone Works")]),
    ("GB", "en", [("James Wilson", "Wilson Hydrographic Ltd"), ("Olivia Brown", "Thames Robotics"),
                  ("Harry Taylor", "Taylor Rail Survey")]),
    ("IT", "it", [("Marco Rossi", "Rossi Sistemi"), ("Giulia Bianchi", "Bianchi Aerospazio"),
                  ("Luca Romano", "Romano Marine")]),
    ("SG", "en", [("Tan Wei Ming", "Lion City Robotics"), ("Lim Hui Ling", "Straits Survey Pte")]),
    ("MX", "es", [("Carlos Hernández", "Hernández Topografía"), ("Sofía García", "Aztec Drones"),
                  ("Diego López", "López Minería")]),
    ("PK", "en", [("Usman Tariq", "Indus Avionics"), ("Ayesha Khan", "Karachi Marine Tech")]),
]

ENGLISH_OPENERS = [
    "Hello, I read your article about {title} and would like a quotation for {qty} units.",
    "Hi, we are interested in {title}. Could you send the datasheet and price for {qty} pcs?",
    "Good day. Saw {url} on your website. What is the lead time for {qty} units?",
    "Dear sales team, please quote {qty} sets related to {title}, delivery by sea to our port.",
    "Hello, do you have an English manual for the product in {title}? We need {qty} samples.",
]
CHINESE_OPENERS = [
    "您好，看到贵司网站上的《{title}》，想询价{qty}台，请发报价单。",
    "你好，我们对{title}很感兴趣，请问{qty}套的交期和价格？",
    "您好，我们是做无人机导航的，想了解陀螺仪的精度和{qty}个的报价。",
    "请问光纤陀螺仪有现货吗？需要{qty}台，含税价多少？",
]
ENGLISH_FOLLOWS = [
    "Thank you. Can you also confirm the bias stability and the operating temperature range?",
    "We need the price in USD, FOB Shanghai, and the warranty terms.",
    "Could we have a video call next week with your engineer?",
    "Our end user asks about export licence requirements. Please advise.",
]
CHINESE_FOLLOWS = [
    "谢谢，请再确认一下零偏稳定性和工作温度范围。",
    "价格可以再优惠一点吗？我们后续还有批量订单。",
    "能否先寄一台样品测试？运费我们承担。",
]
OUR_REPLIES = [
    "Thank you for your inquiry. Please find our quotation attached; it is valid for 30 days.",
    "Dear customer, the lead time is 4-6 weeks after payment. Datasheet attached.",
    "感谢您的询价，报价单已发送到您的邮箱，请查收。",
    "Thanks! Our engineer will send the test report tomorrow.",
]
LOST_REASONS = ["price too high", "chose a local supplier", "project cancelled", "no reply"]
FOLLOWUP_NOTES = ["send quotation", "call about samples", "check payment", "ask for feedback",
                  "confirm delivery date", "send datasheet"]
