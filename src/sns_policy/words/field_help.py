"""What each field of the manifest and suite files means, for editors (the schemas' hovers).

One entry per property of the schemas, keyed by the schema definition that holds it and
the property (``Account.platform``), in Japanese and English; the schema generator writes
them into ``description`` and a test holds every property to an entry and every entry to a
property. The values of an enumerated field are described by ``words.fields.VALUES``.
"""

from __future__ import annotations

FIELD_HELP: dict[str, tuple[str, str]] = {
    'Manifest.municipality': ('このアカウントが属する自治体の ID（例: miura）。その自治体のガイドラインで検査する（検査のときに --municipality でも指定できる）', "The id of the municipality the account belongs to (e.g. miura); the account is checked against that municipality's guideline (it can also be given with --municipality when checking)"),  # municipality
    'Manifest.account': ('アカウントそのものについての事項（サービス、種類、運用状況、利用者 ID、名称、利用目的、発信内容、アイコンなど）', 'Facts about the account itself (the service, its kind and status, the user ID, the name, the purpose, what it posts, the icon and so on)'),  # account
    'Account.platform': ('アカウントを開設しているソーシャルメディアのサービス（X、Facebook、Instagram、YouTube、LINE など）', 'The social-media service the account is on (X, Facebook, Instagram, YouTube, LINE and so on)'),  # account.platform
    'Account.kind': ('アカウントの種類（公式、分野別公式、職員個人）。どのガイドラインのどの定めが適用されるかは、これで決まる', "The kind of account (official, official for a particular field, or a staff member's personal account); which provisions of a guideline apply depends on it"),  # account.kind
    'Account.status': ('アカウントの運用状況（運用中、停止中、廃止の周知中、廃止済み）。書かなければ運用中とみなす', 'The state of the account (active, suspended, closure being announced, closed); if not given, the account is taken to be active'),  # account.status
    'Account.handle': ('サービス上の利用者 ID（ユーザー名。例: @miura_city）', 'The user ID on the service (the user name, e.g. @miura_city)'),  # account.handle
    'Account.url': ('アカウントのページの URL（例: https://x.com/miura_city）', "The URL of the account's page (e.g. https://x.com/miura_city)"),  # account.url
    'Account.display_name': ('表示名（アカウント名。サービス上でアカウントの名前として表示されるもの）', "The display name (the account name, shown on the service as the account's name)"),  # account.display_name
    'Account.purpose': ('アカウントの利用目的（何のためにこのアカウントを運用するか）', 'The purpose of the account (what the account is run for)'),  # account.purpose
    'Account.content': ('アカウントで発信する内容（発信する情報の種類）', 'What the account posts (the kinds of information it publishes)'),  # account.content
    'Account.icon': ('アカウントのアイコン（プロフィール画像）の図柄と説明', "The account's icon (profile picture): what it shows and a description"),  # account.icon
    'Icon.source': ('画像の図柄（自治体に関するデザイン、マスコットキャラクター、自治体の紋章、写真、その他）', "What the image shows (a design relating to the municipality, a mascot character, the municipality's emblem, a photo, or something else)"),  # account.icon.source
    'Icon.description': ('画像に何が描かれているかの説明（例: 市の防災ロゴ）', "A description of what the image shows (e.g. the city's disaster-prevention logo)"),  # account.icon.description
    'Account.header_image': ('背景画像（ヘッダー画像）の図柄と説明', 'The background (header) image: what it shows and a description'),  # account.header_image
    'Account.email': ('サービスに登録しているメールアドレスの扱い（誰のアドレスか、利用者 ID としての使用、公開・非公開。神栖市 第8条(2)(4)）', 'How the e-mail address registered with the service is handled (whose address it is, its use as the user ID, whether it is public; Kamisu Article 8(2)(4))'),  # account.email
    'Email.owner': ('登録メールアドレスが誰のものか（所管部署のアドレス、個人のアドレス、共用のアドレス、その他）', 'Whose address the registered e-mail address is (the address of the section in charge, a personal address, a shared address, or another)'),  # account.email.owner
    'Email.used_as_user_id': ('登録メールアドレスを利用者 ID（ログインに使う ID）として使っているか', 'Whether the registered e-mail address is used as the user ID (the ID used to log in)'),  # account.email.used_as_user_id
    'Email.visibility': ('登録メールアドレスを公開しているか、非公開にしているか', 'Whether the registered e-mail address is public or hidden'),  # account.email.visibility
    'Email.private_setting_available': ('サービスにメールアドレスを非公開にする設定があるか', 'Whether the service has a setting to hide the e-mail address'),  # account.email.private_setting_available
    'Account.character': ('業務として認められたキャラクターとして発信する場合、そのキャラクターの名称', 'If the account posts as a character approved for the work, the name of that character'),  # account.character
    'Account.posts_about_duties': ('職員個人のアカウントで、自身の職務内容や区政・市政に関する見解を発信するか（千代田区 6.(2)）', "For a staff member's personal account, whether it posts about the staff member's own duties or views on the affairs of the ward or city (Chiyoda 6.(2))"),  # account.posts_about_duties
    'Account.posts_views_on_municipal_affairs': ('職員個人のアカウントで、区政・市政に関する見解を発信するか（千代田区 6.(3)）。職務内容だけを発信するなら false', "For a staff member's personal account, whether it posts views on the affairs of the ward or city (Chiyoda 6.(3)); false if it posts only about the staff member's duties"),  # account.posts_views_on_municipal_affairs
    'Manifest.ownership': ('アカウントの運営主体と運用体制（所管課、運用管理責任者、運用者、問い合わせ先、委託先、移管）', 'Who runs the account and how it is staffed (the section in charge, the person responsible, the operators, the inquiry contact, any contractor, any transfer)'),  # ownership
    'Ownership.department': ('運営主体（アカウントを所管する業務主管課・所管課。例: 産業振興部 観光振興課）', 'The operating body (the section in charge of the account 「業務主管課・所管課」, e.g. 「産業振興部 観光振興課」)'),  # ownership.department
    'Ownership.department_ref': ('運営主体の組織を、自治体の組織台帳（organisation.yaml）での組織の ID で示したもの。台帳にない ID は入力エラー', "The operating section given by its id in the municipality's organisation register (organisation.yaml); an id not in the register is an input error"),  # ownership.department_ref
    'Ownership.manager_title': ('運用管理責任者・アカウント管理者の職名（個人名ではなく「広報広聴課長」など）', 'The title of the person responsible for the account 「運用管理責任者・アカウント管理者」 (a title such as 「広報広聴課長」, not a personal name)'),  # ownership.manager_title
    'Ownership.operators': ('運用者・運用担当者（職名・所属で書く。例: 観光振興課職員。個人名は書かない）', 'The operators, the staff who run the account 「運用者・運用担当者」 (by title or section, e.g. 「観光振興課職員」; never personal names)'),  # ownership.operators
    'Ownership.manager_designated': ('アカウント管理者（運用管理責任者）を定めた日', 'The day the person responsible for the account 「アカウント管理者（運用管理責任者）」 was designated'),  # ownership.manager_designated
    'Ownership.operators_designated': ('運用に携わる職員を定めた日', 'The day the staff who run the account were designated'),  # ownership.operators_designated
    'Ownership.operators_changed': ('人事異動等で運用に携わる者が最後に変わった日', 'The day the staff who run the account last changed, through a personnel transfer or otherwise'),  # ownership.operators_changed
    'Ownership.contact': ('問い合わせ先（アカウントのページに掲載する、所管課の電話・メール・フォーム）', "The inquiry contact (the section's phone, e-mail and form, published on the account's page)"),  # ownership.contact
    'Contact.phone': ('問い合わせ先の電話番号（所管課の番号。例: 046-882-1111）', "The phone number for inquiries (the section's number, e.g. 046-882-1111)"),  # ownership.contact.phone
    'Contact.email': ('問い合わせ先の電子メールアドレス（所管課の代表アドレス）', "The e-mail address for inquiries (the section's general address)"),  # ownership.contact.email
    'Contact.form': ('問い合わせフォームの URL', 'The URL of the inquiry form'),  # ownership.contact.form
    'Contact.hours': ('問い合わせの受付時間（例: 平日8時30分から17時15分まで）', 'The hours inquiries are taken (e.g. weekdays from 8:30 to 17:15)'),  # ownership.contact.hours
    'Ownership.contractor': ('アカウントの運営や投稿の作成などを委託している事業者（委託していなければ書かない）', 'The business contracted to run the account, write posts or the like (leave out if nothing is contracted out)'),  # ownership.contractor
    'Contractor.name': ('委託先の事業者名', 'The name of the contractor'),  # ownership.contractor.name
    'Contractor.role': ('委託している業務（運営、投稿作成 など）', 'The work contracted out (running the account, writing posts and so on)'),  # ownership.contractor.role
    'Contractor.bound_by_guideline': ('委託契約で、事業者にガイドラインの順守を義務づけているか', 'Whether the contract obliges the contractor to follow the guideline'),  # ownership.contractor.bound_by_guideline
    'Ownership.transfer': ('分野別公式アカウントを、その分野を担当する組織へ移管したときの記録（三浦市 第1 1(1)イ）', 'The record of a transfer of a field account to the section in charge of that field (Miura 「第1 1(1)イ」)'),  # ownership.transfer
    'Transfer.from_department': ('移管元の組織（移管の前にアカウントを運営していた課等）', 'The section the account was transferred from (the one that ran it before the transfer)'),  # ownership.transfer.from_department
    'Transfer.to_department': ('移管先の組織（移管の後の運営主体）', 'The section the account was transferred to (the operating body after the transfer)'),  # ownership.transfer.to_department
    'Transfer.date': ('アカウントを移管した日', 'The day the account was transferred'),  # ownership.transfer.date
    'Transfer.consulted': ('移管にあたり、移管先の組織と協議したか', 'Whether the receiving section was consulted about the transfer'),  # ownership.transfer.consulted
    'Manifest.approvals': ('開設・変更・廃止などについての手続の記録（許可・承認・決裁、届出、協議・相談、申請、報告）。手続ごとに1件書く', 'The record of procedures about opening, changing, closing the account and the like (approvals, notifications, consultations, applications, reports); one entry for each procedure'),  # approvals
    'Approval.kind': ('手続の種類（許可・承認・決裁、届出、協議・相談、申請、報告）', 'The kind of procedure (approval or decision, notification, consultation, application, report)'),  # approvals.kind
    'Approval.act': ('何についての手続か（開設・取得、変更、利用目的の変更、廃止、移管、返信、発信の範囲、その他）', 'What the procedure concerns (opening the account, changing it, changing its purpose, closing it, transferring it, replies, the scope of posting, or something else)'),  # approvals.act
    'Approval.authority': ('手続の相手方: 許可・承認をした者、届出・協議などの相手（例: 情報主管課、総合政策部長）', 'The other party to the procedure: who approved it, or to whom it was notified or with whom it was discussed (e.g. 「情報主管課」, 「総合政策部長」)'),  # approvals.authority
    'Approval.date': ('手続の日（許可・承認を得た日、届け出た日、協議した日など）', 'The day of the procedure (the day approval was given, the notification made, the consultation held and so on)'),  # approvals.date
    'Approval.document_number': ('手続の文書番号・起案番号（例: い観第1024号）', 'The document number or draft number of the procedure (e.g. 「い観第1024号」)'),  # approvals.document_number
    'Approval.until': ('許可・承認に期限があるときは、その最後の日（この日まで有効）', 'If the approval has a time limit, its last day (the approval holds up to and including this day)'),  # approvals.until
    'Approval.note': ('手続についての備考', 'A note on the procedure'),  # approvals.note
    'Manifest.policy': ('アカウントの運用方針（マニュアル、メディアポリシー、運用ポリシーなど。自治体での呼び名は問わない）', "The account's operating policy (a manual, media policy, operating policy or the like, whatever the municipality calls it)"),  # policy
    'Policy.title': ('運用方針の名称', 'The title of the operating policy'),  # policy.title
    'Policy.adopted': ('運用方針を作成・策定した日', 'The day the operating policy was drawn up'),  # policy.adopted
    'Policy.reviewed': ('運用方針を最後に見直した日', 'The day the operating policy was last reviewed'),  # policy.reviewed
    'Policy.shared_within_section': ('運用方針を担当課内で共有しているか', 'Whether the operating policy is shared within the section in charge'),  # policy.shared_within_section
    'Policy.url': ('運用方針を公開している場合、そのページの URL', 'If the operating policy is published, the URL of the page'),  # policy.url
    'Policy.items': ('運用方針に定めている事項（事項ごとに、定めの内容を短くまとめて書く）', 'The items the operating policy sets out (for each, a short summary of what it says)'),  # policy.items
    'PolicyItems.purpose': ('運用方針に定める、ソーシャルメディアを利用する目的（要約）', 'What the operating policy says about the purpose of using the social medium (a summary)'),  # policy.items.purpose
    'PolicyItems.service': ('運用方針に定める、利用するソーシャルメディアの種類（要約）', 'What the operating policy says about the kind of social medium used (a summary)'),  # policy.items.service
    'PolicyItems.account_name': ('運用方針に定める、アカウントの名称（要約）', "What the operating policy says about the account's name (a summary)"),  # policy.items.account_name
    'PolicyItems.content': ('運用方針に定める、発信する情報（の概要）', 'What the operating policy says about the information to be posted (an outline)'),  # policy.items.content
    'PolicyItems.content_excluded': ('運用方針に定める、発信しない情報（要約）', 'What the operating policy says about information not to be posted (a summary)'),  # policy.items.content_excluded
    'PolicyItems.manager': ('運用方針に定める、運用管理責任者・運用責任者（要約）', 'What the operating policy says about the person responsible for the account 「運用管理責任者・運用責任者」 (a summary)'),  # policy.items.manager
    'PolicyItems.operators': ('運用方針に定める、運用担当者（要約）', 'What the operating policy says about the operators 「運用担当者」 (a summary)'),  # policy.items.operators
    'PolicyItems.approval_flow': ('運用方針に定める決裁フロー（担当者の判断で発信できる場合はその旨）', 'What the operating policy says about the approval flow (including, where operators may post at their own discretion, that they may)'),  # policy.items.approval_flow
    'PolicyItems.procedure': ('運用方針に定める発信手順・運用手順（記事の作成方法、発信方法等）', 'What the operating policy says about the posting and operating procedure (how posts are written, how they are published and so on)'),  # policy.items.procedure
    'PolicyItems.frequency': ('運用方針に定める、発信の頻度（要約）', 'What the operating policy says about how often to post (a summary)'),  # policy.items.frequency
    'PolicyItems.timing': ('運用方針に定める、発信の時期（要約）', 'What the operating policy says about when to post (a summary)'),  # policy.items.timing
    'PolicyItems.response_policy': ('運用方針に定める、閲覧者等への対応方針と方法（意見や質問への対応方法）', 'What the operating policy says about how readers are dealt with, in policy and in practice (how opinions and questions are handled)'),  # policy.items.response_policy
    'PolicyItems.reply_policy': ('運用方針に定める、意見や質問に返信するかどうか（要約）', 'What the operating policy says about whether opinions and questions are answered (a summary)'),  # policy.items.reply_policy
    'PolicyItems.security': ('運用方針に定める、セキュリティの確保の方法（なりすまし防止、パスワードの管理等）', 'What the operating policy says about keeping the account secure (preventing impersonation, managing the password and so on)'),  # policy.items.security
    'PolicyItems.evaluation': ('運用方針に定める、アカウントの評価基準と評価方法（要約）', 'What the operating policy says about the criteria and method for evaluating the account (a summary)'),  # policy.items.evaluation
    'PolicyItems.guideline_compliance': ('運用方針にある、ガイドラインを順守することの記載（要約）', "The operating policy's statement that the guideline is followed (a summary)"),  # policy.items.guideline_compliance
    'PolicyItems.platform_specific': ('運用方針に定める、利用するソーシャルメディア特有の事項への対応方法（要約）', 'What the operating policy says about dealing with matters particular to the social medium used (a summary)'),  # policy.items.platform_specific
    'Manifest.plan': ('アカウントの運用計画（神栖市 第4条: 開設の前に運用ポリシーとともに作成する）', "The account's operation plan (Kamisu Article 4: drawn up, with the operating policy, before the account is opened)"),  # plan
    'Plan.title': ('運用計画の名称', 'The title of the operation plan'),  # plan.title
    'Plan.adopted': ('運用計画を作成した日', 'The day the operation plan was drawn up'),  # plan.adopted
    'Manifest.profile': ('アカウントのプロフィール（自己紹介欄の本文とウェブサイト欄）', "The account's profile (the text of the self-introduction field and the website field)"),  # profile
    'Profile.text': ('プロフィール（自己紹介・自由記述欄）の本文。公開されているとおりに書き写す', 'The text of the profile (the self-introduction or free-text field), copied exactly as published'),  # profile.text
    'Profile.website': ('プロフィールのウェブサイト（URL）欄に設定している URL', "The URL set in the profile's website (URL) field"),  # profile.website
    'Manifest.homepage': ('自治体の公式ホームページでのアカウントの掲載（公式アカウント一覧のページと、このアカウントについてのページ）', "How the account is presented on the municipality's website (the page listing the official accounts, and the page about this account)"),  # homepage
    'Homepage.account_list': ('公式ホームページの、自治体の公式アカウントを一覧にしたページ', "The page of the municipality's website that lists its official accounts"),  # homepage.account_list
    'HomepagePage.url': ('このページの URL', 'The URL of this page'),  # homepage.account_list.url
    'HomepagePage.managed_by': ('このページを管理する所属（ページを置いている所管サイトの課等）', 'The section that manages this page (the section whose part of the website 「所管サイト」 holds it)'),  # homepage.account_list.managed_by
    'HomepagePage.publishes': ('このページに掲載している事項（サービス名、アカウント名、URL、利用目的、運用方針、問い合わせ先など）', 'What this page publishes (the service name, the account name, its URL, the purpose, the operating policy, the inquiry contact and so on)'),  # homepage.account_list.publishes
    'HomepagePage.links_to_account': ('このページからアカウントへリンクしているか（なりすまし防止）', 'Whether this page links to the account (against impersonation)'),  # homepage.account_list.links_to_account
    'Homepage.account_page': ('このアカウントについて記述した公式ホームページのページ（運用方針・メディアポリシーのページ）', "The page of the municipality's website about this account (the page of its operating policy or media policy)"),  # homepage.account_page
    'Manifest.operations': ('アカウントの運用の方法（投稿の決裁、返信、フォロー、各機能の使用、投稿に使う機器、誤った投稿への対処、写真等の使用）', 'How the account is run (approval of posts, replies, following, use of features, devices used for posting, dealing with erroneous posts, use of photos)'),  # operations
    'Operations.posting_approval': ('投稿の決裁・確認の方法', 'How posts are approved or checked'),  # operations.posting_approval
    'PostingApproval.flow': ('投稿の決裁の方法（投稿ごとに決裁、2人以上で確認、担当者の判断で発信、あらかじめ発信の範囲を決めて許可）', "How posts are approved (each post approved, a check by two or more people, posting at the operator's discretion, or approval of a scope of posting in advance)"),  # operations.posting_approval.flow
    'PostingApproval.approver_title': ('投稿を決裁・許可する者の職名（例: 広報広聴課長）', 'The title of the person who approves posts (e.g. 「広報広聴課長」)'),  # operations.posting_approval.approver_title
    'PostingApproval.manager_reviews_posts': ('運用管理責任者が定期的に投稿の内容を確認しているか', 'Whether the person responsible for the account regularly reviews what is posted'),  # operations.posting_approval.manager_reviews_posts
    'PostingApproval.records_who_and_when': ('誰が・いつ発信したかを把握できるようにしているか', 'Whether who posted and when can be traced'),  # operations.posting_approval.records_who_and_when
    'PostingApproval.requests_approved_by_requesting_head': ('他課からの投稿依頼は、依頼元の所属長の決裁を経ているか', "Whether requests from other sections to post something carry the approval of the requesting section's head"),  # operations.posting_approval.requests_approved_by_requesting_head
    'Operations.replies': ('コメント等への返信の方針と運用', 'The policy and practice on replying to comments and the like'),  # operations.replies
    'Replies.policy': ('コメント等への返信の方針（返信しない、必要に応じて返信する、すべて返信する）', 'The policy on replying to comments and the like (no replies, reply as needed, reply to all)'),  # operations.replies.policy
    'Replies.permitted_by': ('返信を許可した者（職名・部署名。神栖市 第7条(3)）', 'Who permitted replies (by title or section; Kamisu Article 7(3))'),  # operations.replies.permitted_by
    'Replies.comments_shared': ('寄せられたコメントを関係者で共有しているか', 'Whether the comments received are shared with those concerned'),  # operations.replies.comments_shared
    'Replies.inquiries_directed_to': ('意見・質問を寄せた人に案内する窓口（問い合わせフォーム、市長への手紙 など）', 'Where people with opinions or questions are directed (an inquiry form, a letter to the mayor 「市長への手紙」 and so on)'),  # operations.replies.inquiries_directed_to
    'Operations.follows': ('他のアカウントをフォローすることの方針と許可', 'The policy on following other accounts, and who permitted it'),  # operations.follows
    'Follows.policy': ('他のアカウントをフォローする方針（フォローしない、対象を限ってフォローする、すべてフォローする）', 'The policy on following other accounts (follow no one, follow selected accounts only, follow everyone)'),  # operations.follows.policy
    'Follows.permitted_by': ('フォローを許可した者（職名・部署名）', 'Who permitted following (by title or section)'),  # operations.follows.permitted_by
    'Operations.direct_messages': ('ダイレクトメッセージの機能を使うか、その理由と許可', 'Whether the direct-message feature is used, why, and who permitted it'),  # operations.direct_messages
    'Feature.enabled': ('この機能を使っているか（有効にしているか）', 'Whether this feature is used (turned on)'),  # operations.direct_messages.enabled
    'Feature.reason': ('この機能を使う理由', 'The reason for using this feature'),  # operations.direct_messages.reason
    'Feature.permitted_by': ('この機能の使用を許可した者（職名・部署名）', 'Who permitted the use of this feature (by title or section)'),  # operations.direct_messages.permitted_by
    'Operations.hashtags': ('ハッシュタグの機能を使うか、その理由と許可', 'Whether hashtags are used, why, and who permitted it'),  # operations.hashtags
    'Operations.geotagging': ('位置情報を自動的に付与する機能を使うか、その理由と許可（神栖市 第9条(7): 不要なら停止する）', 'Whether the feature that adds location information automatically is used, why, and who permitted it (Kamisu Article 9(7): turn it off if not needed)'),  # operations.geotagging
    'Operations.posting_devices': ('投稿に使う機器（庁内ネットワークの端末、広報主管課が管理するタブレット端末、私物の端末、委託先の端末など）', "The devices used for posting (office network terminals, tablets managed by the PR section, personal devices, the contractor's devices and so on)"),  # operations.posting_devices
    'Operations.erroneous_posts': ('誤った情報を発信した場合の対処方針（新しい投稿で訂正する、削除して謝罪する、削除して訂正する）', 'How an erroneous post is dealt with (correct it in a new post, delete it and apologise, or delete it and correct it)'),  # operations.erroneous_posts
    'Operations.photos': ('人が写った写真等の使用（個人を特定できる写真等と、その同意）', 'The use of photos showing people (photos in which individuals can be identified, and consent to them)'),  # operations.photos
    'Photos.identifiable_people': ('個人を特定できる写真等を使用するか', 'Whether photos or the like in which individuals can be identified are used'),  # operations.photos.identifiable_people
    'Photos.consent_obtained': ('写真等に写った本人及び関係者の同意を、あらかじめ得ているか', 'Whether consent has been obtained in advance from the people shown and those concerned'),  # operations.photos.consent_obtained
    'Manifest.security': ('アカウントのセキュリティ対策（パスワードの管理、取り扱う者、二段階認証、なりすまし防止策など）。パスワードそのものは書かない', "The account's security measures (password management, who handles the credentials, two-step verification, measures against impersonation and so on); never the password itself"),  # security
    'Security.password': ('パスワードの管理の方法（パスワードそのものは書かない）', 'How the password is managed (never the password itself)'),  # security.password
    'Password.min_length': ('パスワードの最低文字数（例: 8）', 'The minimum number of characters in the password (e.g. 8)'),  # security.password.min_length
    'Password.character_classes': ('パスワードに混ぜる文字の種類（英大文字、英小文字、英字、数字、記号）', 'The kinds of character mixed in the password (upper-case letters, lower-case letters, letters, digits, symbols)'),  # security.password.character_classes
    'Password.rotation_months': ('パスワードを定期的に変更する間隔（月数。例: 6 は半年ごと）', 'How often the password is changed, in months (e.g. 6 for every half year)'),  # security.password.rotation_months
    'Password.last_changed': ('パスワードを最後に変更した日', 'The day the password was last changed'),  # security.password.last_changed
    'Password.changed_after_staff_change': ('人事異動等で運用に携わる者が最後に変わった後、最初にパスワードを変更した日', 'The first day the password was changed after the staff who run the account last changed, through a personnel transfer or otherwise'),  # security.password.changed_after_staff_change
    'Password.managed_under': ('パスワードの管理で準拠する基準（例: 情報セキュリティ対策基準）', 'The standard the password is managed under (e.g. the information-security standard 「情報セキュリティ対策基準」)'),  # security.password.managed_under
    'Password.storage': ('パスワードの保管方法（例: 課長が管理する施錠保管庫に保管）', 'How the password is kept (e.g. in a locked cabinet managed by the section head)'),  # security.password.storage
    'Security.credential_holders': ('アカウントとパスワードを取り扱う者（人数と職名）', 'The people who handle the account and its password (how many, and their titles)'),  # security.credential_holders
    'CredentialHolders.count': ('アカウントとパスワードを取り扱う者の人数', 'The number of people who handle the account and its password'),  # security.credential_holders.count
    'CredentialHolders.titles': ('アカウントとパスワードを取り扱う者の職名（個人名は書かない）', 'The titles of the people who handle the account and its password (never personal names)'),  # security.credential_holders.titles
    'Security.password_changed_on_staff_change': ('人事異動等で運用に携わる者が変わったときに、パスワードを変更することにしているか', 'Whether the password is to be changed whenever the staff who run the account change, through a personnel transfer or otherwise'),  # security.password_changed_on_staff_change
    'Security.two_factor': ('二段階認証を使っているか', 'Whether two-step verification is used'),  # security.two_factor
    'Security.impersonation_measures': ('なりすまし防止策（例: 公式ホームページとアカウントの相互リンク、認証済みバッジの取得）', "The measures against impersonation (e.g. links both ways between the municipality's website and the account, obtaining a verified badge)"),  # security.impersonation_measures
    'Security.measures': ('その他のセキュリティ対策（パスワードの管理、二段階認証、なりすまし防止策のほかに講じているもの）', 'Other security measures (those taken besides password management, two-step verification and measures against impersonation)'),  # security.measures
    'Manifest.lifecycle': ('アカウントの開設から廃止までの日付と、変更・廃止の記録', "The account's dates from opening to closure, and the record of its change or closure"),  # lifecycle
    'Lifecycle.opened': ('アカウントを開設（取得）した日', 'The day the account was opened (acquired)'),  # lifecycle.opened
    'Lifecycle.first_post': ('最初に投稿した日（アカウントの利用を始めた日）', 'The day of the first post (the day the account started to be used)'),  # lifecycle.first_post
    'Lifecycle.last_post': ('最後に投稿した日（最終投稿日）', 'The day of the last post'),  # lifecycle.last_post
    'Lifecycle.suspended': ('アカウントを停止した日', 'The day the account was suspended'),  # lifecycle.suspended
    'Lifecycle.change': ('アカウントの変更（名称・利用目的などを変えること）の内容、理由、変更日と、そのお知らせの掲載', 'A change of the account (of its name, purpose or the like): what changes, why, on which day, and where it is announced'),  # lifecycle.change
    'LifecycleEvent.description': ('変更・廃止の内容', 'What the change or closure consists of'),  # lifecycle.change.description
    'LifecycleEvent.reason': ('変更・廃止の理由', 'The reason for the change or closure'),  # lifecycle.change.reason
    'LifecycleEvent.effective': ('変更・廃止（削除）をした日、またはする予定の日', 'The day of the change or closure (deletion), done or planned'),  # lifecycle.change.effective
    'LifecycleEvent.document_number': ('この変更・廃止を承認した決裁の文書番号（手続の記録に書いた決裁と同じ番号）', 'The document number of the decision that approved this change or closure (the same number as in the record of procedures)'),  # lifecycle.change.document_number
    'LifecycleEvent.notice_on_account': ('変更・廃止のお知らせをアカウント上に掲載する期間（始めた日と終えた日）', 'How long the notice of the change or closure is posted on the account (the day it started and the day it ended)'),  # lifecycle.change.notice_on_account
    'Notice.start': ('お知らせの掲載を始めた日', 'The day the notice started to be published'),  # lifecycle.change.notice_on_account.start
    'Notice.end': ('お知らせの掲載を終えた日（または終える予定の日）。書かなければ掲載を続けているとみなす', 'The day the notice stopped (or is to stop) being published; if not given, the notice is taken to be still published'),  # lifecycle.change.notice_on_account.end
    'LifecycleEvent.notice_on_homepage': ('変更・廃止のお知らせを公式ホームページに掲載する期間（始めた日と終えた日）', "How long the notice of the change or closure is published on the municipality's website (the day it started and the day it ended)"),  # lifecycle.change.notice_on_homepage
    'LifecycleEvent.immediate': ('利用者または市に著しい不利益が生じるため、周知の期間を置かずに直ちに変更・削除したか（三浦市 第1 4(2) ただし書）', 'Whether the account was changed or deleted at once, without a period of notice, because it would otherwise cause serious harm to users or the city (the proviso of Miura 「第1 4(2)」)'),  # lifecycle.change.immediate
    'Lifecycle.closure': ('アカウントの廃止（削除）の内容、理由、廃止日と、そのお知らせの掲載', 'The closure (deletion) of the account: what it consists of, why, on which day, and where it is announced'),  # lifecycle.closure
    'Manifest.evaluation': ('アカウントの評価（投稿への反応、利用者数、目的の達成度など）を行った記録', 'The record of evaluating the account (reactions to posts, the number of users, how far its purpose is achieved and so on)'),  # evaluation
    'Evaluation.last_evaluated': ('アカウントを最後に評価した日', 'The day the account was last evaluated'),  # evaluation.last_evaluated
    'Evaluation.covers': ('評価した観点（投稿への利用者の反応、利用者数、総合評価）', "What the evaluation covered (users' reactions to posts, the number of users, an overall assessment)"),  # evaluation.covers
    'Manifest.confirmations': ('要確認の項目（マニフェストからは判定できない定め）を人が確認した記録（確認者の職名、日付、結果、有効期限）', 'The record of review items (duties the manifest cannot show) that a person has confirmed (the title of whoever confirmed it, the day, the result, how long it holds)'),  # confirmations
    'Confirmation.rule': ('確認した要確認の項目のルール ID（例: miura.no-needless-accounts）', 'The rule id of the review item confirmed (e.g. miura.no-needless-accounts)'),  # confirmations.rule
    'Confirmation.by': ('確認した者の職名（例: 広報広聴課長）。個人名は書かない', 'The title of whoever confirmed it (e.g. 「広報広聴課長」); never a personal name'),  # confirmations.by
    'Confirmation.on': ('確認した日', 'The day it was confirmed'),  # confirmations.on
    'Confirmation.result': ('確認の結果（確認済み（満たしている）、該当なし、逸脱を承認）。逸脱を承認したときは、承認した者の職名も書く', 'The result of the confirmation (confirmed as met, not applicable, or a deviation approved); for an approved deviation, also give the title of whoever approved it'),  # confirmations.result
    'Confirmation.approved_by': ('逸脱を承認した者の職名（結果が逸脱の承認のとき必須）', 'The title of whoever approved the deviation (required when the result is an approved deviation)'),  # confirmations.approved_by
    'Confirmation.note': ('確認の内容・根拠、逸脱の理由', 'What was confirmed and on what grounds, or the reason for the deviation'),  # confirmations.note
    'Confirmation.until': ('この確認が有効な最後の日（省略時は確認した日の属する年度の末日、3月31日）', 'The last day the confirmation holds (by default the end of the fiscal year in which it was made, 31 March)'),  # confirmations.until
    'Confirmation.rule_version': ('確認したときのルールの版（引用・義務の種類・検査から計算し、sns-policy confirm が書く）。ルールが変われば確認し直す', 'The version of the rule when it was confirmed (computed from its quotation, kind of duty and check, and written by sns-policy confirm); when the rule changes, confirm again'),  # confirmations.rule_version
    'Suite.suite': ('テストスイートの名前（結果の表示に使う）', 'The name of the test suite (shown in the results)'),  # suite
    'Suite.municipality': ('ケースを検査するルールセットの自治体の ID（例: iwaki）', 'The id of the municipality whose ruleset the cases are checked against (e.g. iwaki)'),  # municipality
    'Suite.base': ('ケースのパッチを当てる既定のマニフェスト（スイートのファイルからの相対パス）', "The default manifest the cases' patches are applied to (a path relative to the suite file)"),  # base
    'Suite.as_of': ('判定日（この日に検査したものとして判定する）。判定日のないケースに使い、これもなければコマンドの --as-of の日、それもなければ今日', 'The checking date (cases are judged as if checked on this day); used for cases without their own, and if this is missing too, the --as-of date or else today'),  # as_of
    'Suite.cases': ('テストケースの一覧（1件以上）。各ケースは検査するマニフェストと、ルールが何を判定しなければならないか', 'The test cases (at least one); each is a manifest to check and what the rules must make of it'),  # cases
    'Case.name': ('ケースの名前（スイートの中で重複しないこと）', 'The name of the case (unique within the suite)'),  # cases.name
    'Case.description': ('ケースの説明（何を確かめるケースか、根拠の規定など）', 'A description of the case (what it tests, the provision it rests on and so on)'),  # cases.description
    'Case.file': ('検査するマニフェストのファイル（スイートのファイルからの相対パス）。マニフェストは、ファイル、直接書いた YAML、パッチのどれか一つで与える', 'The file of the manifest to check (a path relative to the suite file); a case gives its manifest in exactly one way: a file, YAML written in place, or a patch'),  # cases.file
    'Case.manifest': ('検査するマニフェストを、そのまま書いた YAML（複数行の文字列として書く）', 'The manifest to check, written out in place as YAML (as a multi-line string)'),  # cases.manifest
    'Case.base': ('パッチを当てる元のマニフェスト（スイートのファイルからの相対パス。省略時はスイートの既定のマニフェスト）', "The manifest the patch is applied to (a path relative to the suite file; by default the suite's default manifest)"),  # cases.base
    'Case.patch': ('元のマニフェストに当てる JSON Merge Patch（RFC 7386: null はキーの削除、リストは置き換え）', 'A JSON Merge Patch applied to the base manifest (RFC 7386: null removes a key, a list replaces the whole list)'),  # cases.patch
    'Case.as_of': ('このケースの判定日（この日に検査したものとして判定する。省略時はスイートの判定日）', "The checking date of this case (it is judged as if checked on this day; by default the suite's checking date)"),  # cases.as_of
    'Case.expect': ('このケースでルールが判定しなければならないこと（期待する結果。一つ以上書く）', 'What the rules must conclude for this case (the expected result; give at least one expectation)'),  # cases.expect
    'Expectation.compliant': ('アカウントが適合と判定されるか（重大度 error の指摘がないか）', "Whether the account is judged compliant (no finding with the severity 'error')"),  # cases.expect.compliant
    'Expectation.fires': ('指摘されなければならないルール ID の集合（これ以外のルールが指摘されれば失敗）。指摘の一覧と同時には書けない', 'The set of rule ids that must be reported (the case fails if any other rule is reported); cannot be given together with the list of findings'),  # cases.expect.fires
    'Expectation.findings': ('指摘のすべて（ルールと指す場所、重複も数える）。これ以外の指摘があれば失敗（[] は指摘なし）', 'Every finding (the rule and where it points, duplicates counted); the case fails on any other finding ([] means no findings)'),  # cases.expect.findings
    'ExpectedFinding.rule': ('指摘するルールの ID', 'The id of the rule that reports the finding'),  # cases.expect.findings.rule
    'ExpectedFinding.at': ('指摘が指すマニフェストのパス（例: profile.text）。位置（行・列）はこのパスが書かれた場所から求める', 'The path in the manifest the finding points to (e.g. profile.text); its position (line and column) is where that path is written'),  # cases.expect.findings.at
    'Expectation.does_not_fire': ('指摘されてはならないルール ID（ほかのルールの指摘は問わない）', 'The rule ids that must not be reported (findings of other rules do not matter)'),  # cases.expect.does_not_fire
    'Expectation.out_of_scope': ('アカウントがガイドラインの対象外と判定されるか', "Whether the account is judged to be outside the guideline's scope"),  # cases.expect.out_of_scope
    'Expectation.not_applicable': ('行為が規定の施行前（後）にされたため適用しないと判定されるルール ID の集合（これ以外があれば失敗）', 'The set of rule ids judged not to apply because the act was done before (or after) the provision was in force (the case fails on any other)'),  # cases.expect.not_applicable
    'Expectation.earlier_text_noted': ('検査日または行為の日に、ルールセットの本文より前の版（ルールセットにない本文）が施行されていた旨の注記があるか', "Whether a note says that, on the checking date or the day of the act, an earlier version of the text than the ruleset's (one the ruleset does not hold) was in force"),  # cases.expect.earlier_text_noted
}
